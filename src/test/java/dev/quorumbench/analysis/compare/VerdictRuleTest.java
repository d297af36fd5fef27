package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.run.FaultClass;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictRuleTest {

    @ParameterizedTest(name = "{0}: {1} -> {3}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
        # metric           | base  | base per-cycle samples                     | head  | head per-cycle samples                     | verdict
        latency_p99        | 10.5  | 10 11 10.5 10.2 10.8 10.4 10.6 10.9 10.1 10.7 | 10.5  | 10 11 10.5 10.2 10.8 10.4 10.6 10.9 10.1 10.7 | unchanged
        latency_p99        | 10.5  | 10 11 10.5 10.2 10.8 10.4 10.6 10.9 10.1 10.7 | 15.5  | 15 16 15.5 15.2 15.8 15.4 15.6 15.9 15.1 15.7 | regressed
        latency_p99        | 15.5  | 15 16 15.5 15.2 15.8 15.4 15.6 15.9 15.1 15.7 | 10.5  | 10 11 10.5 10.2 10.8 10.4 10.6 10.9 10.1 10.7 | improved
        latency_p99        | 10.5  | 10 11 10.5 10.2 10.8 10.4 10.6 10.9 10.1 10.7 | 10.6  | 10.1 11.1 10.6 10.3 10.9 10.5 10.7 11 10.2 10.8 | unchanged
        latency_p50        | 1.0   | 1 1 1 1 1 1 1 1 1 1                         | 1.4   | 1.4 1.4 1.4 1.4 1.4 1.4 1.4 1.4 1.4 1.4     | unchanged
        latency_p50        | 20.0  | 20 20 20 20 20 20 20 20 20 20               | 21.5  | 21.5 21.5 21.5 21.5 21.5 21.5 21.5 21.5 21.5 21.5 | unchanged
        latency_max        | 5     | 5 50 5 50 5 50 5 50 5                       | 50    | 50 5 50 5 50 5 50 5 50                      | inconclusive
        latency_p99        | 10    | 10 10 10                                    | 15    | 15 15 15                                    | inconclusive
        convergence_bound  | 0.999 | 1 1 0.99 1 1 1 1 0.99 1 1                   | 0.998 | 1 1 0.99 1 1 1 0.99 1 1 1                   | unchanged
        convergence_bound  | 0.999 | 1 1 0.99 1 1 1 1 0.99 1 1                   | 0.95  | 0.95 0.94 0.96 0.95 0.95 0.95 0.95 0.96 0.94 0.95 | regressed
        convergence_bound  | 0.95  | 0.95 0.94 0.96 0.95 0.95 0.95 0.95 0.96 0.94 0.95 | 0.999 | 1 1 0.99 1 1 1 1 0.99 1 1           | improved
        lost_acknowledged  | 0     | 0 0 0 0 0 0 0 0 0 0                         | 1     | 0 0 0 1 0 0 0 0 0 0                         | regressed
        lost_acknowledged  | 1     | 0 0 0 1 0 0 0 0 0 0                         | 2     | 0 0 1 0 0 0 1 0 0 0                         | inconclusive
        lost_acknowledged  | 1     | 0 0 0 1 0 0 0 0 0 0                         | 0     | 0 0 0 0 0 0 0 0 0 0                         | inconclusive
        quorum_not_met     | 30    | 3 3 3 3 3 3 3 3 3 3                         | 33    | 3 3 3 3 3 3 3 3 3 6                         | unchanged
        quorum_not_met     | 30    | 3 3 3 3 3 3 3 3 3 3                         | 300   | 30 30 30 30 30 30 30 30 30 30               | regressed
        fail               | 0     | 0 0 0 0 0 0 0 0 0 0                         | 0     | 0 0 0 0 0 0 0 0 0 0                         | unchanged
        converge_ms        | 400   | 390 400 410 400 395 405 400 402 398 400      | 900   | 890 900 910 900 895 905 900 902 898 900     | regressed
        converge_ms        | 400   | 390 400 410 400 395 405 400 402 398 400      | 420   | 410 420 430 420 415 425 420 422 418 420     | unchanged
        """)
    void verdictFromEffectAndTest(String metric, double base, String baseSamples, double head, String headSamples,
            String verdict) {
        MetricComparison c = judge(Metric.byKeyOrGroup(metric).get(0), new MetricSamples(base, parse(baseSamples)),
                new MetricSamples(head, parse(headSamples)), CompareSettings.defaults());
        assertEquals(verdict, c.verdict().word(), c.reason() + ", p=" + c.pValue());
    }

    /** One run a side, the metric alone in its family (q = p). */
    static MetricComparison judge(Metric m, MetricSamples base, MetricSamples head, CompareSettings settings) {
        SideMetric b = SideMetric.of(m, List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, Map.of(m, base))),
                Math.max(1, base.size()));
        SideMetric h = SideMetric.of(m, List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, Map.of(m, head))),
                Math.max(1, base.size()));
        MetricEvidence e = m == Metric.LOST_ACKNOWLEDGED ? MetricEvidence.NONE : MetricEvidence.of(b, h, settings, 7);
        return VerdictRule.judge(m, b, h, e, e.pValue(), settings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                   | q     | interval low | interval high | verdict      | reason
        significant, interval above 0            | 0.01  | 3.0          | 6.0           | regressed    | worse and significant
        not significant after adjustment         | 0.08  | 3.0          | 6.0           | inconclusive | not significant
        significant but interval across 0        | 0.01  | -1.0         | 6.0           | inconclusive | effect interval includes 0
        interval on the other side of the change | 0.01  | -6.0         | -3.0          | inconclusive | per-cycle effect points the other way
        """)
    void theAdjustedPValueAndTheIntervalMustBothAgree(String name, double q, double low, double high, String verdict,
            String reason) {
        SideMetric b = new SideMetric(10, List.of(new double[] {10, 10, 10, 10, 10}), 5);
        SideMetric h = new SideMetric(15, List.of(new double[] {15, 15, 15, 15, 15}), 5);
        MetricEvidence e = new MetricEvidence(Units.Kind.BLOCKS, 5, 5, q,
                new HierarchicalBootstrap.Interval((low + high) / 2, low, high), null);
        MetricComparison c = VerdictRule.judge(Metric.LATENCY_P50, b, h, e, q, CompareSettings.defaults());
        assertEquals(verdict, c.verdict().word());
        assertEquals(reason, c.reason());
    }

    @ParameterizedTest(name = "{0} cycles a side, +288 %: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        3 | inconclusive
        4 | regressed
        """)
    void smallRunsAreInconclusiveNotAPass(int cycles, String verdict) {
        // The repro: --extra-latency-ms 20 on 3 cycles passed as "no regression".
        double[] base = new double[cycles];
        double[] head = new double[cycles];
        java.util.Arrays.fill(base, 7.0);
        java.util.Arrays.fill(head, 27.2);
        head[0] = 27.0;
        base[0] = 6.9;
        MetricComparison c = judge(Metric.LATENCY_P50, new MetricSamples(7, base), new MetricSamples(27.1, head),
                CompareSettings.defaults());
        assertEquals(verdict, c.verdict().word(), c.reason());
    }

    @Test
    void noDataOnEitherSideIsNotCompared() {
        assertNull(judge(Metric.RECOVERY_MS, MetricSamples.NONE, MetricSamples.NONE, CompareSettings.defaults()));
    }

    @Test
    void dataOnOneSideOnlyIsInconclusive() {
        MetricComparison c = judge(Metric.RECOVERY_MS, MetricSamples.NONE,
                new MetricSamples(300, new double[] {300, 300, 300, 300, 300}), CompareSettings.defaults());
        assertEquals(Verdict.INCONCLUSIVE, c.verdict());
        assertEquals("no data in base", c.reason());
    }

    @Test
    void alphaDecidesBetweenRegressedAndInconclusive() {
        // Two overlapping samples whose p-value lies between 0.001 and 0.05.
        MetricSamples base = new MetricSamples(10, new double[] {9, 10, 11, 10, 12, 9, 10, 11});
        MetricSamples head = new MetricSamples(12, new double[] {11, 12, 13, 10, 12, 11, 12, 14});
        MetricComparison loose = judge(Metric.LATENCY_P99, base, head, CompareSettings.defaults());
        MetricComparison strict = judge(Metric.LATENCY_P99, base, head,
                CompareSettings.defaults().withAlpha(0.001));
        assertTrue(loose.pValue() > 0.001 && loose.pValue() < 0.05, "p=" + loose.pValue());
        assertEquals(Verdict.REGRESSED, loose.verdict());
        assertEquals(Verdict.INCONCLUSIVE, strict.verdict());
    }

    static double[] parse(String samples) {
        return Arrays.stream(samples.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
