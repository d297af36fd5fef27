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
        assertEquals(notes, c.notes().stream().filter(n -> n.startsWith("Environments differ")).count(),
                c.notes().toString());
    }

    static RunHeader withSettings(String id, Map<String, String> changed, List<String> unsafe) {
        Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("fault_window_ms", "500");
        s.put("mechanisms", "drop_random_acks=sigstop/real");
        s.put("node_args", "-");
        s.put("thresholds", "convergence_bound≥0.995");
        s.put("cycles", "12");
        s.putAll(changed);
        return new RunHeader(id, "closed-loop", 12, 100, true, Map.of("target", "reference"), 1, s, unsafe);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                      | key             | head value                          | allowed         | error (empty = compares)
        fault window 500 vs 100                     | fault_window_ms | 100                                 |                 | base and head differ in fault_window_ms (500 vs 100), which changes what is measured; --allow-different fault_window_ms compares anyway
        mechanism proxy-drop-acks vs sigstop        | mechanisms      | drop_random_acks=proxy-drop-acks/real |               | base and head differ in mechanisms (drop_random_acks=sigstop/real vs drop_random_acks=proxy-drop-acks/real), which changes what is measured; --allow-different mechanisms compares anyway
        other node args                             | node_args       | --extra-latency-ms 3                |                 | base and head differ in node_args (- vs --extra-latency-ms 3), which changes what is measured; --allow-different node_args compares anyway
        other node args, allowed                    | node_args       | --extra-latency-ms 3                | node_args       |
        fault window allowed among others           | fault_window_ms | 100                                 | node_args,fault_window_ms |
        other thresholds: listed, not refused       | thresholds      | convergence_bound≥0.9               |                 |
        other cycle count: listed, not refused      | cycles          | 3                                   |                 |
        """)
    void settingsThatChangeWhatIsMeasuredAreRefusedUnlessAllowed(String name, String key, String value,
            String allowed, String error) {
        CompareSettings settings = CompareSettings.defaults().withAllowDifferent(allowed == null ? java.util.Set.of()
                : java.util.Set.of(allowed.split(",")));
        FaultSamples f = literal(FaultClass.DROP_RANDOM_ACKS, v -> v, v -> v);
        List<RunSamples> base = List.of(new RunSamples(withSettings("b", Map.of(), List.of()), List.of(f)));
        List<RunSamples> head = List.of(new RunSamples(withSettings("h", Map.of(key, value), List.of()), List.of(f)));
        if (error != null) {
            dev.quorumbench.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.quorumbench.InvalidInputException.class, () -> Comparison.of(base, head, settings));
            assertEquals(error, e.getMessage());
            return;
        }
        Comparison c = Comparison.of(base, head, settings);
        assertEquals(1, c.differences().size(), c.differences().toString());
        assertEquals(key, c.differences().get(0).key());
        assertEquals(RunSettings.MEASURING.contains(key), c.allowedDifferences().size() == 1);
    }

    @org.junit.jupiter.api.Test
    void unsafeNodeFlagsAreANote() {
        FaultSamples f = literal(FaultClass.DROP_RANDOM_ACKS, v -> v, v -> v);
        Comparison c = Comparison.of(List.of(new RunSamples(withSettings("b", Map.of(), List.of()), List.of(f))),
                List.of(new RunSamples(withSettings("h", Map.of("node_args", "--extra-latency-ms 3"),
                        List.of("--extra-latency-ms 3")), List.of(f))),
                CompareSettings.defaults().withAllowDifferent(java.util.Set.of("node_args")));
        assertEquals("Head nodes ran with unsafe flags (--extra-latency-ms 3): the store was slowed or broken on"
                + " purpose.", c.notes().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                          | base cycles | head cycles | shift | p50          | outcome
        200 vs 20 cycles, no change     | 200         | 20          | 0     | unchanged    | no regression
        200 vs 20 cycles, +3 ms         | 200         | 20          | 3     | regressed    | regression
        200 vs 3 cycles, +3 ms          | 200         | 3           | 3     | inconclusive | inconclusive
        """)
    void differentCycleCountsCompare(String name, int baseCycles, int headCycles, double shift, String p50,
            String outcome) {
        Comparison c = Comparison.of(header("b"), List.of(cycles(baseCycles, 0)), header("h"),
                List.of(cycles(headCycles, shift)), CompareSettings.defaults());
        assertEquals(p50, c.faults().get(0).get(Metric.LATENCY_P50).verdict().word(),
                c.faults().get(0).get(Metric.LATENCY_P50).reason());
        assertEquals(outcome, c.outcome().words());
    }

    /** {@code n} cycles of p50 ≈ 2 ms (a fixed wobble) plus {@code shift}, and two quorum_not_met every ten cycles. */
    static FaultSamples cycles(int n, double shift) {
        double[] p50 = new double[n];
        double[] qnm = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            p50[i] = 2 + 0.1 * ((i * 7) % 5 - 2) + shift;
            qnm[i] = i % 5 == 0 ? 1 : 0;
            total += qnm[i];
        }
        Map<Metric, MetricSamples> m = new EnumMap<>(Metric.class);
        m.put(Metric.LATENCY_P50, new MetricSamples(2 + shift, p50));
        m.put(Metric.QUORUM_NOT_MET, new MetricSamples(total, qnm));
        return new FaultSamples(FaultClass.PARTITION_MINORITY, n, m);
    }

    @org.junit.jupiter.api.Test
    void countsOfShorterRunsAreScaledToBaseCycles() {
        Comparison c = Comparison.of(header("b"), List.of(cycles(200, 0)), header("h"), List.of(cycles(20, 0)),
                CompareSettings.defaults());
        MetricComparison q = c.faults().get(0).get(Metric.QUORUM_NOT_MET);
        assertEquals(40, q.base(), 1e-9);
        assertEquals(40, q.head(), 1e-9, "4 in 20 cycles is 40 in 200");
        assertEquals(Verdict.UNCHANGED, q.verdict());
    }

    @ParameterizedTest(name = "--faults {0}")
    @CsvSource(delimiter = '|', textBlock = """
        partition_minority                  | partition_minority |
        drop_random_acks,partition_minority | drop_random_acks partition_minority |
        clock_skew_peer                     |                    | run b has no fault class clock_skew_peer (it has [partition_minority, drop_random_acks])
        """)
    void faultsSelectsASubset(String faults, String compared, String error) {
        List<FaultClass> selected = java.util.Arrays.stream(faults.split(",")).map(FaultClass::fromKey).toList();
        FaultSamples p = cycles(12, 0);
        FaultSamples d = new FaultSamples(FaultClass.DROP_RANDOM_ACKS, 12, p.metrics());
        List<RunSamples> b = List.of(new RunSamples(header("b"), List.of(p, d)));
        List<RunSamples> h = List.of(new RunSamples(header("h"), List.of(p, d)));
        CompareSettings s = CompareSettings.defaults().withFaults(selected);
        if (error != null) {
            assertEquals(error, org.junit.jupiter.api.Assertions.assertThrows(dev.quorumbench.InvalidInputException.class,
                    () -> Comparison.of(b, h, s)).getMessage());
            return;
        }
        assertEquals(compared, String.join(" ", Comparison.of(b, h, s).faults().stream()
                .map(f -> f.fault().key()).toList()));
    }
}
