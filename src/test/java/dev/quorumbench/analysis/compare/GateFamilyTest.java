package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.FaultClass;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gate's family ({@code --gate-metrics}): only gated metrics decide the outcome, the rest are judged and
 * reported beside it, the false-discovery adjustment treats the two as separate families, and lost acknowledged
 * writes are always gated.
 */
class GateFamilyTest {

    /** Twelve cycles with a p50 at 2 ms and a p99 at 10 ms; head moves them by the given amounts. */
    static Comparison compare(double p50Shift, double p99Shift, double p99Noise, int lostInHead, Set<Metric> gated) {
        double[] p50 = {2.1, 2.0, 2.3, 1.9, 2.2, 2.0, 2.4, 2.1, 1.8, 2.2, 2.0, 2.1};
        double[] p99 = {9.5, 8.7, 11.2, 9.9, 10.4, 8.9, 12.1, 9.6, 10.0, 9.1, 10.8, 9.4};
        // Alternating ±noise on head's p99: a large class-level move the per-cycle test cannot confirm.
        double[] p99Head = new double[12];
        double[] p50Head = new double[12];
        for (int i = 0; i < 12; i++) {
            p99Head[i] = p99[i] + p99Shift + (i % 2 == 0 ? p99Noise : -p99Noise);
            p50Head[i] = p50[i] + p50Shift;
        }
        double[] lost = new double[12];
        lost[3] = lostInHead;
        FaultSamples base = side(2.1, p50, 10.4, p99, new double[12], 0);
        FaultSamples head = side(2.1 + p50Shift, p50Head, 10.4 + p99Shift, p99Head, lost, lostInHead);
        RunHeader h = new RunHeader("x", "closed-loop", 12, 30, true, Map.of("target", "reference"));
        return Comparison.of(h, List.of(base), h, List.of(head), CompareSettings.defaults().withGated(gated));
    }

    private static FaultSamples side(double p50Aggregate, double[] p50, double p99Aggregate, double[] p99,
            double[] lost, double lostTotal) {
        Map<Metric, MetricSamples> m = new EnumMap<>(Metric.class);
        m.put(Metric.LATENCY_P50, new MetricSamples(p50Aggregate, p50));
        m.put(Metric.LATENCY_P99, new MetricSamples(p99Aggregate, p99));
        m.put(Metric.LOST_ACKNOWLEDGED, new MetricSamples(lostTotal, lost));
        m.put(Metric.CONVERGENCE_BOUND, new MetricSamples(1, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
        return new FaultSamples(FaultClass.DROP_RANDOM_ACKS, m);
    }

    static final Set<Metric> P50_ONLY = EnumSet.of(Metric.LATENCY_P50);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                | p50 +ms | p99 +ms | p99 noise | lost | gate       | outcome       | p99 verdict  | p99 gated
        noisy p99, every metric gated         | 0       | 3       | 6         | 0    | all        | inconclusive  | inconclusive | true
        noisy p99 outside a p50 gate          | 0       | 3       | 6         | 0    | p50        | no regression | inconclusive | false
        clear p99 regression outside the gate | 0       | 5       | 0         | 0    | p50        | no regression | regressed    | false
        clear p99 regression, every metric    | 0       | 5       | 0         | 0    | all        | regression    | regressed    | true
        p50 regression inside a p50 gate      | 3       | 0       | 0         | 0    | p50        | regression    | unchanged    | false
        a lost write is gated whatever named  | 0       | 0       | 0         | 1    | p50        | regression    | unchanged    | false
        """)
    void onlyGatedMetricsDecideTheOutcome(String name, double p50Shift, double p99Shift, double p99Noise, int lost,
            String gate, String outcome, String p99Verdict, boolean p99Gated) {
        Comparison c = compare(p50Shift, p99Shift, p99Noise, lost, gate.equals("all") ? Set.of() : P50_ONLY);
        assertEquals(outcome, c.outcome().words());
        MetricComparison p99 = c.faults().get(0).get(Metric.LATENCY_P99);
        assertEquals(p99Verdict, p99.verdict().word(), p99.reason());
        assertEquals(p99Gated, p99.gated());
        assertTrue(c.faults().get(0).get(Metric.LOST_ACKNOWLEDGED).gated(), "lost acknowledged writes always gated");
        assertEquals(gate.equals("all") ? 0 : 2, c.countNotGated(), "p99 and convergence reported outside a p50 gate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                     | gated (besides lost)   | outcome       | gaps
        a family never measured: not a pass       | RECOVERY_MS            | inconclusive  | 1
        a family never measured, two metrics      | RECOVERY_MS CONVERGE_MS| inconclusive  | 1
        part of the family measured               | RECOVERY_MS LATENCY_P50| no regression | 0
        only lost named: lost is measured          | LOST_ACKNOWLEDGED      | no regression | 0
        """)
    void aGateWhoseMetricsHaveNoDataCannotPassBySilence(String name, String gated, String outcome, int gaps) {
        // A clear p99 regression outside the gate; the gate names metrics this class never measured.
        Set<Metric> family = EnumSet.noneOf(Metric.class);
        for (String m : gated.trim().split(" +")) {
            family.add(Metric.valueOf(m));
        }
        Comparison c = compare(0, 5, 0, 0, family);
        assertEquals(outcome, c.outcome().words(), c.gaps().toString());
        assertEquals(gaps, c.gaps().size(), c.gaps().toString());
        if (gaps > 0) {
            assertTrue(c.gaps().get(0).startsWith("no metric of the gate's family was measured on either side"),
                    c.gaps().get(0));
        }
    }

    @Test
    void theGatedFamilyIsAdjustedWithoutTheReportedMetrics() {
        // Gating p50 alone takes the other tests out of its Benjamini–Hochberg family: its q is its own p.
        Comparison all = compare(3, 0.4, 3, 0, Set.of());
        Comparison p50 = compare(3, 0.4, 3, 0, P50_ONLY);
        MetricComparison inAll = all.faults().get(0).get(Metric.LATENCY_P50);
        MetricComparison alone = p50.faults().get(0).get(Metric.LATENCY_P50);
        assertEquals(inAll.pValue(), alone.pValue(), 1e-12);
        assertEquals(alone.pValue(), alone.qValue(), 1e-12);
        assertTrue(inAll.qValue() >= alone.qValue());
        // The reported family is adjusted on its own, never reusing the gate's indices.
        MetricComparison p99 = p50.faults().get(0).get(Metric.LATENCY_P99);
        assertFalse(p99.gated());
        assertTrue(p99.qValue() >= p99.pValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # names                                  | gated keys (sorted), or the error's start
        latency_p50                              | latency_p50 lost_acknowledged
        convergence,lost,counts,latency_p50,time | converge_ms convergence_bound fail latency_p50 lost_acknowledged quorum_not_met recovery_ms replica_convergence
        LATENCY                                  | latency_max latency_p50 latency_p90 latency_p99 latency_p999 lost_acknowledged
        lost                                     | lost_acknowledged
        latency_p42                              | !--gate-metrics: unknown metric 'latency_p42'
        latency_p50,,time                        | !--gate-metrics: unknown metric ''
        """)
    void parsesKeysAndGroups(String names, String expected) {
        if (expected.startsWith("!")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> GateMetrics.parse(names, "--gate-metrics"));
            assertTrue(e.getMessage().startsWith(expected.substring(1)), e.getMessage());
            return;
        }
        Set<String> keys = new TreeSet<>();
        GateMetrics.parse(names, "--gate-metrics").forEach(m -> keys.add(m.key()));
        assertEquals(expected, String.join(" ", keys));
    }

    @Test
    void settingsAlwaysGateLostWritesAndDefaultToEveryMetric() {
        assertTrue(CompareSettings.defaults().gatesAll());
        CompareSettings s = CompareSettings.defaults().withGated(P50_ONLY);
        assertFalse(s.gatesAll());
        assertTrue(s.gated(Metric.LOST_ACKNOWLEDGED));
        assertTrue(s.gated(Metric.LATENCY_P50));
        assertFalse(s.gated(Metric.LATENCY_P99));
        // Other settings keep the family.
        assertFalse(s.withAlpha(0.01).withBlockCycles(2).withFaults(List.of()).gatesAll());
    }
}
