package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.run.FaultClass;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonTest {

    /** Twelve cycles of one fault class: literal per-cycle values, aggregates as analysis reports them. */
    static FaultSamples literal(FaultClass fault, DoubleUnaryOperator latencyShift, DoubleUnaryOperator fractionShift) {
        double[] p50 = {2.1, 2.0, 2.3, 1.9, 2.2, 2.0, 2.4, 2.1, 1.8, 2.2, 2.0, 2.1};
        double[] p99 = {9.5, 8.7, 11.2, 9.9, 10.4, 8.9, 12.1, 9.6, 10.0, 9.1, 10.8, 9.4};
        double[] ok = {1, 1, 0.99, 1, 1, 1, 0.98, 1, 1, 1, 1, 0.99};
        double[] converge = {120, 130, 110, 150, 125, 140, 135, 128, 131, 119, 122, 138};
        Map<Metric, MetricSamples> m = new EnumMap<>(Metric.class);
        m.put(Metric.LATENCY_P50, shifted(2.1, p50, latencyShift));
        m.put(Metric.LATENCY_P99, shifted(10.4, p99, latencyShift));
        m.put(Metric.LATENCY_MAX, shifted(14.0, p99, v -> latencyShift.applyAsDouble(v) + 1.5));
        m.put(Metric.CONVERGENCE_BOUND, shifted(0.9966, ok, fractionShift));
        m.put(Metric.REPLICA_CONVERGENCE, new MetricSamples(1.0, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
        m.put(Metric.LOST_ACKNOWLEDGED, new MetricSamples(0, new double[12]));
        m.put(Metric.QUORUM_NOT_MET, new MetricSamples(4, new double[] {0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 1}));
        m.put(Metric.FAIL, new MetricSamples(0, new double[12]));
        m.put(Metric.CONVERGE_MS, new MetricSamples(129, converge));
        return new FaultSamples(fault, m);
    }

    static MetricSamples shifted(double aggregate, double[] values, DoubleUnaryOperator f) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return new MetricSamples(f.applyAsDouble(aggregate), v);
    }

    static RunHeader header(String id) {
        return new RunHeader(id, "closed-loop", 12, 100, true, Map.of("target", "reference"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                      | latency shift ms | latency noise | fraction shift | p50          | p99          | convergence_bound | regressed
        identical inputs            | 0                | 0             | 0              | unchanged    | unchanged    | unchanged         | false
        +5 ms on every sample       | 5                | 0             | 0              | regressed    | regressed    | unchanged         | true
        -5 ms on every sample       | -5               | 0             | 0              | improved     | improved     | unchanged         | false
        tiny noisy difference       | 0.05             | 0.1           | 0.0005         | unchanged    | unchanged    | unchanged         | false
        convergence drops 3 points  | 0                | 0             | -0.03          | unchanged    | unchanged    | regressed         | true
        """)
    void verdictsPerMetric(String name, double shift, double noise, double fractionShift, String p50, String p99,
            String convergence, boolean regressed) {
        FaultSamples base = literal(FaultClass.KILL_PRIMARY_MID_WRITE, v -> v, v -> v);
        // Alternate the noise sign per value so the head is a deterministic jitter around base + shift.
        double[] toggle = {1};
        FaultSamples head = literal(FaultClass.KILL_PRIMARY_MID_WRITE, v -> v + shift + (toggle[0] = -toggle[0]) * noise,
                v -> v + fractionShift);
        Comparison c = Comparison.of(header("base"), List.of(base), header("head"), List.of(head),
                CompareSettings.defaults());
        FaultComparison f = c.faults().get(0);
        assertEquals(p50, f.get(Metric.LATENCY_P50).verdict().word(), f.get(Metric.LATENCY_P50).reason());
        assertEquals(p99, f.get(Metric.LATENCY_P99).verdict().word(), f.get(Metric.LATENCY_P99).reason());
        assertEquals(convergence, f.get(Metric.CONVERGENCE_BOUND).verdict().word());
        assertEquals(regressed, c.regressed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        identical        | 0
        shifted +5 ms    | 5
        """)
    void identicalInputsLeaveEveryMetricUnchanged(String name, double shift) {
        FaultSamples base = literal(FaultClass.DROP_RANDOM_ACKS, v -> v + shift, v -> v);
        Comparison c = Comparison.of(header("x"), List.of(base), header("y"), List.of(literal(FaultClass.DROP_RANDOM_ACKS, v -> v + shift,
                v -> v)), CompareSettings.defaults());
        assertEquals(9, c.count(Verdict.UNCHANGED));
        assertFalse(c.regressed());
        assertTrue(c.faults().get(0).get(Metric.RECOVERY_MS) == null, "no data on either side: not compared");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        same environment   | reference | 2 | 0
        other core count   | reference | 4 | 1
        """)
    void notesDifferentEnvironments(String name, String target, String cores, int notes) {
        RunHeader b = new RunHeader("b", "closed-loop", 12, 100, true,
                Map.of("target", "reference", "cores", "2", "git_commit", "aaa"));
        RunHeader h = new RunHeader("h", "closed-loop", 12, 100, true,
                Map.of("target", target, "cores", cores, "git_commit", "bbb"));
        Comparison c = Comparison.of(b, List.of(literal(FaultClass.DROP_RANDOM_ACKS, v -> v, v -> v)), h, List.of(literal(FaultClass.DROP_RANDOM_ACKS, v -> v,
                v -> v)), CompareSettings.defaults());
        assertEquals(notes, c.notes().size(), c.notes().toString());
    }
}
