package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
        MetricComparison c = VerdictRule.judge(Metric.byKeyOrGroup(metric).get(0),
                new MetricSamples(base, parse(baseSamples)), new MetricSamples(head, parse(headSamples)),
                CompareSettings.defaults());
        assertEquals(verdict, c.verdict().word(), c.reason() + ", p=" + c.pValue());
    }

    @Test
    void noDataOnEitherSideIsNotCompared() {
        assertNull(VerdictRule.judge(Metric.RECOVERY_MS, MetricSamples.NONE, MetricSamples.NONE,
                CompareSettings.defaults()));
    }

    @Test
    void dataOnOneSideOnlyIsInconclusive() {
        MetricComparison c = VerdictRule.judge(Metric.RECOVERY_MS, MetricSamples.NONE,
                new MetricSamples(300, new double[] {300, 300, 300, 300, 300}), CompareSettings.defaults());
        assertEquals(Verdict.INCONCLUSIVE, c.verdict());
        assertEquals("no data in base", c.reason());
    }

    @Test
    void alphaDecidesBetweenRegressedAndInconclusive() {
        // Two overlapping samples whose p-value lies between 0.001 and 0.05.
        MetricSamples base = new MetricSamples(10, new double[] {9, 10, 11, 10, 12, 9, 10, 11});
        MetricSamples head = new MetricSamples(12, new double[] {11, 12, 13, 10, 12, 11, 12, 14});
        MetricComparison loose = VerdictRule.judge(Metric.LATENCY_P99, base, head, CompareSettings.defaults());
        MetricComparison strict = VerdictRule.judge(Metric.LATENCY_P99, base, head,
                CompareSettings.defaults().withAlpha(0.001));
        assertTrue(loose.pValue() > 0.001 && loose.pValue() < 0.05, "p=" + loose.pValue());
        assertEquals(Verdict.REGRESSED, loose.verdict());
        assertEquals(Verdict.INCONCLUSIVE, strict.verdict());
    }

    static double[] parse(String samples) {
        return Arrays.stream(samples.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
