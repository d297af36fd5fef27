package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.compare.CompareSettings;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.FaultSamples;
import dev.quorumbench.analysis.compare.Metric;
import dev.quorumbench.analysis.compare.MetricSamples;
import dev.quorumbench.analysis.compare.RunHeader;
import dev.quorumbench.analysis.compare.RunSamples;
import dev.quorumbench.run.FaultClass;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seals the Markdown and JSON of a comparison built from literal samples: one of each verdict, an allowed difference
 * in what is measured (node args), one that does not change it (cycles) and an unsafe node flag on head.
 */
class CompareGoldenTest {

    static final double[] P99_BASE = {9.5, 8.7, 11.2, 9.9, 10.4, 8.9, 12.1, 9.6, 10.0, 9.1, 10.8, 9.4};
    static final double[] P99_HEAD = {14.6, 13.9, 16.0, 15.2, 15.5, 13.8, 17.3, 14.7, 15.1, 14.0, 15.9, 14.4};
    static final double[] OK_BASE = {1, 1, 0.99, 1, 1, 1, 0.98, 1, 1, 1, 1, 0.99};
    static final double[] OK_HEAD = {1, 0.99, 1, 1, 1, 1, 1, 0.99, 1, 1, 1, 1};
    static final double[] WIDE_BASE = {100, 400, 120, 380, 110, 420, 90, 390, 130, 410, 105, 395};
    static final double[] WIDE_HEAD = {390, 130, 460, 100, 420, 140, 380, 95, 450, 125, 400, 110};
    static final double[] ZEROS = new double[12];

    static Comparison comparison() {
        return comparison(0);
    }

    /** The comparison above, with blocks of {@code blockCycles} as units when positive (an interleaved campaign's). */
    static Comparison comparison(int blockCycles) {
        Map<Metric, MetricSamples> kb = new EnumMap<>(Metric.class);
        Map<Metric, MetricSamples> kh = new EnumMap<>(Metric.class);
        kb.put(Metric.CONVERGENCE_BOUND, new MetricSamples(0.9966, OK_BASE));
        kh.put(Metric.CONVERGENCE_BOUND, new MetricSamples(0.9983, OK_HEAD));
        kb.put(Metric.LOST_ACKNOWLEDGED, new MetricSamples(0, ZEROS));
        kh.put(Metric.LOST_ACKNOWLEDGED, new MetricSamples(1, new double[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}));
        kb.put(Metric.LATENCY_P99, new MetricSamples(10.4, P99_BASE));
        kh.put(Metric.LATENCY_P99, new MetricSamples(15.5, P99_HEAD));
        kb.put(Metric.RECOVERY_MS, new MetricSamples(250, WIDE_BASE));
        kh.put(Metric.RECOVERY_MS, new MetricSamples(390, WIDE_HEAD));
        Map<Metric, MetricSamples> pb = new EnumMap<>(Metric.class);
        Map<Metric, MetricSamples> ph = new EnumMap<>(Metric.class);
        pb.put(Metric.LATENCY_P99, new MetricSamples(15.5, P99_HEAD));
        ph.put(Metric.LATENCY_P99, new MetricSamples(10.4, P99_BASE));
        pb.put(Metric.QUORUM_NOT_MET, new MetricSamples(0, ZEROS));
        ph.put(Metric.QUORUM_NOT_MET, new MetricSamples(0, ZEROS));
        Map<String, String> envBase = new LinkedHashMap<>();
        envBase.put("target", "reference");
        envBase.put("git_commit", "1111111");
        envBase.put("cores", "2");
        Map<String, String> envHead = new LinkedHashMap<>(envBase);
        envHead.put("git_commit", "2222222");
        envHead.put("cores", "4");
        Map<String, String> setBase = new LinkedHashMap<>();
        setBase.put("fault_window_ms", "500");
        setBase.put("node_args", "-");
        setBase.put("cycles", "12");
        Map<String, String> setHead = new LinkedHashMap<>(setBase);
        setHead.put("node_args", "--extra-latency-ms 3");
        setHead.put("cycles", "14");
        return Comparison.of(
                List.of(new RunSamples(new RunHeader("20261127T221500Z", "closed-loop", 12, 100, true, envBase, 1,
                        setBase, List.of()), List.of(new FaultSamples(FaultClass.KILL_PRIMARY_MID_WRITE, kb),
                        new FaultSamples(FaultClass.PARTITION_MINORITY, pb)))),
                List.of(new RunSamples(new RunHeader("20261128T221500Z", "closed-loop", 12, 100, true, envHead, 1,
                        setHead, List.of("node flag `--extra-latency-ms 3`: the nodes were altered on purpose, so these results do"
                        + " not describe a safe deployment")), List.of(
                        new FaultSamples(FaultClass.KILL_PRIMARY_MID_WRITE, kh),
                        new FaultSamples(FaultClass.PARTITION_MINORITY, ph)))),
                CompareSettings.defaults().withAllowDifferent(Set.of("node_args")).withBlockCycles(blockCycles));
    }

    /** p50 levels (ms) of five runs a side: head's median is far higher, but the runs overlap (inconclusive). */
    static final double[] P50_BASE_RUNS = {2.0, 2.1, 5.0, 2.2, 5.1};
    static final double[] P50_HEAD_RUNS = {5.2, 2.0, 5.3, 2.1, 5.0};
    /** The wobble of a run's cycles around its level. */
    static final double[] WOBBLE = {0, 0.1, -0.1, 0.05, -0.05, 0};

    /**
     * Five runs a side of one fault class, runs as the test's units: p50 moves by more than the minimum effect but
     * the runs overlap, so it is inconclusive; convergence, lost writes and quorum_not_met are unchanged.
     */
    static Comparison inconclusiveFiveByFive() {
        return fiveByFive(CompareSettings.defaults());
    }

    /** {@link #inconclusiveFiveByFive()} gated on convergence, lost writes and counts only. */
    static Comparison gated() {
        return fiveByFive(CompareSettings.defaults().withGated(
                dev.quorumbench.analysis.compare.GateMetrics.parse("convergence,lost,counts", "--gate-metrics")));
    }

    private static Comparison fiveByFive(CompareSettings settings) {
        List<RunSamples> base = new java.util.ArrayList<>();
        List<RunSamples> head = new java.util.ArrayList<>();
        for (int r = 0; r < 5; r++) {
            base.add(fiveByFiveRun("b" + (r + 1), P50_BASE_RUNS[r]));
            head.add(fiveByFiveRun("h" + (r + 1), P50_HEAD_RUNS[r]));
        }
        return Comparison.of(base, head, settings);
    }

    private static RunSamples fiveByFiveRun(String id, double p50) {
        Map<Metric, MetricSamples> m = new EnumMap<>(Metric.class);
        double[] latency = new double[WOBBLE.length];
        for (int i = 0; i < latency.length; i++) {
            latency[i] = p50 + WOBBLE[i];
        }
        m.put(Metric.LATENCY_P50, new MetricSamples(p50, latency));
        m.put(Metric.CONVERGENCE_BOUND, new MetricSamples(1, new double[] {1, 1, 1, 1, 1, 1}));
        m.put(Metric.LOST_ACKNOWLEDGED, new MetricSamples(0, new double[6]));
        m.put(Metric.QUORUM_NOT_MET, new MetricSamples(1, new double[] {0, 0, 1, 0, 0, 0}));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fault_window_ms", "500");
        settings.put("node_args", "-");
        settings.put("cycles", "6");
        return new RunSamples(new RunHeader(id, "closed-loop", 6, 50, true, Map.of("target", "reference"), 1,
                settings, List.of()), List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, 6, m)));
    }

    @Test
    void fiveRunsASideInconclusiveMarkdown() throws Exception {
        Comparison c = inconclusiveFiveByFive();
        org.junit.jupiter.api.Assertions.assertEquals(Comparison.Outcome.INCONCLUSIVE, c.outcome());
        GoldenFile.assertMatches("compare-5x5-inconclusive.md", CompareMarkdown.render(c));
    }

    @Test
    void fiveRunsASideInconclusiveJson() throws Exception {
        GoldenFile.assertMatches("compare-5x5-inconclusive.json", CompareJson.render(inconclusiveFiveByFive()));
    }

    /**
     * The same five runs a side with a gate of convergence, lost writes and counts: p50 is reported outside the gate,
     * so the outcome is no regression and the Markdown and JSON say what the gate left out.
     */
    @Test
    void gateFamilyMarkdownAndJson() throws Exception {
        Comparison c = gated();
        org.junit.jupiter.api.Assertions.assertEquals(Comparison.Outcome.NO_REGRESSION, c.outcome());
        GoldenFile.assertMatches("compare-gated.md", CompareMarkdown.render(c));
        GoldenFile.assertMatches("compare-gated.json", CompareJson.render(c));
    }

    @Test
    void markdownTable() throws Exception {
        GoldenFile.assertMatches("compare.md", CompareMarkdown.render(comparison()));
    }

    /** An interleaved campaign's comparison: its ABBA blocks of two cycles are the units (six a side), said in a note. */
    @Test
    void interleavedMarkdown() throws Exception {
        GoldenFile.assertMatches("compare-interleaved.md", CompareMarkdown.render(comparison(2)));
    }

    @Test
    void json() throws Exception {
        GoldenFile.assertMatches("compare.json", CompareJson.render(comparison()));
    }

    @Test
    void inconclusiveIsNeverLabelledNoRegression() {
        Map<Metric, MetricSamples> b = new EnumMap<>(Metric.class);
        Map<Metric, MetricSamples> h = new EnumMap<>(Metric.class);
        b.put(Metric.LATENCY_P50, new MetricSamples(7, new double[] {7, 7, 7}));
        h.put(Metric.LATENCY_P50, new MetricSamples(27, new double[] {27, 27, 27}));
        RunHeader header = new RunHeader("x", "closed-loop", 3, 20, true, Map.of());
        Comparison small = Comparison.of(header, List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, b)), header,
                List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, h)), CompareSettings.defaults());
        org.junit.jupiter.api.Assertions.assertEquals("Inconclusive: ", CompareMarkdown.outcomeLabel(small));
        org.junit.jupiter.api.Assertions.assertEquals("Regression: ", CompareMarkdown.outcomeLabel(comparison()));
        org.junit.jupiter.api.Assertions.assertTrue(CompareMarkdown.render(small)
                .startsWith("## quorumbench compare: inconclusive\n"));
    }
}
