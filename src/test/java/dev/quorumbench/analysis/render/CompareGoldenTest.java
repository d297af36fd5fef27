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
                        setHead, List.of("--extra-latency-ms 3")), List.of(
                        new FaultSamples(FaultClass.KILL_PRIMARY_MID_WRITE, kh),
                        new FaultSamples(FaultClass.PARTITION_MINORITY, ph)))),
                CompareSettings.defaults().withAllowDifferent(Set.of("node_args")));
    }

    @Test
    void markdownTable() throws Exception {
        GoldenFile.assertMatches("compare.md", CompareMarkdown.render(comparison()));
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
