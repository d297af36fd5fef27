package dev.quorumbench.analysis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.analysis.Phase4Analysis;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.analysis.RunLoader;
import dev.quorumbench.analysis.compare.CompareSettings;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.FaultSamples;
import dev.quorumbench.analysis.compare.Metric;
import dev.quorumbench.analysis.compare.MetricSamples;
import dev.quorumbench.analysis.compare.RunHeader;
import dev.quorumbench.run.FaultClass;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * release-notes.md as it pastes into a release page: sealed by golden files (with and without a baseline), the
 * verdict against the baseline in the headline, unsafe and non-default settings before the results, tables of at
 * most 8 columns, image links under --image-base-url, methodology and environment folded.
 */
class ReleaseNotesTest {

    static final List<Plot> PLOTS = List.of(new Plot("percentile-kill_primary_mid_write", "Latency by percentile.", null),
            new Plot("timeline", "Per-cycle p99.", null));

    @TempDir
    Path dir;

    private Evidence evidence(boolean withBaseline) throws Exception {
        RunFixture.golden(dir);
        RunData data = RunLoader.load(dir);
        Phase4Report report = Phase4Analysis.analyze(data);
        // The baseline's comparison is the literal one of CompareGoldenTest: one of each verdict, a regression.
        Evidence.Baseline baseline = withBaseline
                ? new Evidence.Baseline(data, report, CompareGoldenTest.comparison()) : null;
        return new Evidence(data, report, baseline);
    }

    @Test
    void withoutBaselineMatchesGolden() throws Exception {
        GoldenFile.assertMatches("release-notes.md", ReleaseNotes.render(evidence(false), PLOTS));
    }

    @Test
    void withBaselineAndImageBaseMatchesGolden() throws Exception {
        GoldenFile.assertMatches("release-notes-baseline.md", ReleaseNotes.render(evidence(true), PLOTS,
                "https://github.com/o/r/releases/download/v1.4.0"));
    }

    @Test
    void withAnInconclusiveBaselineMatchesGolden() throws Exception {
        Evidence e = evidence(false);
        Evidence inconclusive = new Evidence(e.data(), e.report(),
                new Evidence.Baseline(e.data(), e.report(), CompareGoldenTest.inconclusiveFiveByFive()));
        String notes = ReleaseNotes.render(inconclusive, PLOTS);
        assertTrue(notes.startsWith("# Phase-4 chaos campaign `golden`: INCONCLUSIVE against `b1, b2, b3, b4, b5`"
                + " (1 metric undecided) · run FAIL\n"), notes);
        GoldenFile.assertMatches("release-notes-inconclusive.md", notes);
    }

    @Test
    void theRegressionIsInTheHeadlineAndListedBeforeTheResults() throws Exception {
        String notes = ReleaseNotes.render(evidence(true), PLOTS);

        String headline = notes.lines().findFirst().orElseThrow();
        assertEquals("# Phase-4 chaos campaign `golden`: REGRESSION against `20261127T221500Z` · run FAIL", headline);
        int regressedLine = notes.indexOf("- `kill_primary_mid_write` latency p99 (ms): ");
        assertTrue(regressedLine > 0 && regressedLine < notes.indexOf("## Results"), notes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                               | head p50 | head complete | headline's verdict
        no change                            | 7        | true          | no regression against `b`
        +20 ms on 3 cycles: undecided        | 27       | true          | INCONCLUSIVE against `b` (1 metric undecided)
        no change but head partial           | 7        | false         | INCONCLUSIVE against `b` (head is partial (interrupted))
        undecided and head partial           | 27       | false         | INCONCLUSIVE against `b` (1 metric undecided; head is partial (interrupted))
        """)
    void theHeadlineSaysWhatIsUndecided(String name, double headP50, boolean headComplete, String verdict)
            throws Exception {
        Map<Metric, MetricSamples> b = new EnumMap<>(Metric.class);
        Map<Metric, MetricSamples> h = new EnumMap<>(Metric.class);
        b.put(Metric.LATENCY_P50, new MetricSamples(7, new double[] {7, 7, 7}));
        h.put(Metric.LATENCY_P50, new MetricSamples(headP50, new double[] {headP50, headP50, headP50}));
        Comparison c = Comparison.of(new RunHeader("b", "closed-loop", 3, 20, true, Map.of()),
                List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, b)),
                new RunHeader("h", "closed-loop", 3, 20, headComplete, Map.of()),
                List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, h)), CompareSettings.defaults());
        Evidence e = evidence(false);
        String headline = ReleaseNotes.headline(new Evidence(e.data(), e.report(),
                new Evidence.Baseline(e.data(), e.report(), c)));
        assertEquals(verdict + " · run FAIL", headline);
    }

    @Test
    void aMetricOutsideTheGateIsNotListedAsARegressionOfTheVerdict() throws Exception {
        // p50 clearly worse on 40 cycles a side, but the gate is convergence only: the verdict is "no regression".
        double[] base = new double[40];
        double[] head = new double[40];
        for (int i = 0; i < 40; i++) {
            base[i] = 7 + (i % 5) * 0.1;
            head[i] = 27 + (i % 5) * 0.1;
        }
        Map<Metric, MetricSamples> b = new EnumMap<>(Metric.class);
        Map<Metric, MetricSamples> h = new EnumMap<>(Metric.class);
        b.put(Metric.LATENCY_P50, new MetricSamples(7.2, base));
        h.put(Metric.LATENCY_P50, new MetricSamples(27.2, head));
        double[] converged = new double[40];
        java.util.Arrays.fill(converged, 1);
        b.put(Metric.CONVERGENCE_BOUND, new MetricSamples(1, converged));
        h.put(Metric.CONVERGENCE_BOUND, new MetricSamples(1, converged));
        Comparison c = Comparison.of(new RunHeader("b", "closed-loop", 40, 20, true, Map.of()),
                List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, b)),
                new RunHeader("h", "closed-loop", 40, 20, true, Map.of()),
                List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, h)),
                CompareSettings.defaults().withGated(java.util.Set.of(Metric.CONVERGENCE_BOUND)));
        assertEquals(dev.quorumbench.analysis.compare.Verdict.REGRESSED,
                c.faults().get(0).get(Metric.LATENCY_P50).verdict(), "the premise: p50 regressed, outside the gate");
        Evidence e = evidence(false);
        String notes = ReleaseNotes.render(new Evidence(e.data(), e.report(),
                new Evidence.Baseline(e.data(), e.report(), c)), PLOTS);

        String verdict = notes.substring(notes.indexOf("**No regression** against baseline `b`"),
                notes.indexOf("## Results"));
        assertTrue(verdict.startsWith("**No regression** against baseline `b`: 0 regressed, 0 improved, 0"
                + " inconclusive, 1 unchanged, 1 reported outside the gate.\n\nRegressed outside the gate (reported,"
                + " cannot fail it; gated: convergence_bound, lost_acknowledged):\n- `drop_random_acks` latency p50"
                + " (ms): "), verdict);
        // The HTML page names the gate too, so its "(not gated)" rows have their key.
        String page = HtmlPage.render(new Evidence(e.data(), e.report(), new Evidence.Baseline(e.data(), e.report(), c)),
                List.of());
        assertTrue(page.contains("Gated: convergence_bound, lost_acknowledged. The other metrics are reported and"
                + " cannot fail the gate."), page);
        assertTrue(page.contains("regressed (not gated)"), page);
    }

    @Test
    void unsafeAndNonDefaultSettingsComeBeforeTheResults() throws Exception {
        String notes = ReleaseNotes.render(evidence(false), PLOTS);

        int results = notes.indexOf("## Results");
        int unsafe = notes.indexOf("**Unsafe settings**");
        assertTrue(unsafe > 0 && unsafe < results, notes);
        assertTrue(notes.indexOf("clock_skew_peer: mechanism `recorded-only` is simulated") < results, notes);
        int settings = notes.indexOf("Not the defaults: cycles 3 (default 200); writes 10 (default 100)");
        assertTrue(settings > 0 && settings < results, notes);
    }

    @Test
    void everyTableFitsAReleasePage() throws Exception {
        String notes = ReleaseNotes.render(evidence(true), PLOTS);

        for (String line : notes.lines().toList()) {
            if (line.startsWith("|")) {
                long columns = line.chars().filter(c -> c == '|').count() - 1;
                assertTrue(columns <= 8, columns + " columns: " + line);
            }
        }
    }

    @Test
    void imageLinksAreRelativeByDefaultAndUnderTheBaseUrlWhenGiven() throws Exception {
        assertEquals(List.of("percentile-kill_primary_mid_write.png", "percentile-kill_primary_mid_write.svg",
                "timeline.png", "timeline.svg"), links(ReleaseNotes.render(evidence(false), PLOTS)));
        assertEquals(List.of("https://x.example/a/percentile-kill_primary_mid_write.png",
                "https://x.example/a/percentile-kill_primary_mid_write.svg", "https://x.example/a/timeline.png",
                "https://x.example/a/timeline.svg"), links(ReleaseNotes.render(evidence(false), PLOTS,
                "https://x.example/a")));
    }

    @Test
    void methodologyAndEnvironmentAreFolded() throws Exception {
        String notes = ReleaseNotes.render(evidence(false), PLOTS);

        assertTrue(notes.contains("<details>\n<summary>Methodology</summary>\n\nconvergence_bound = "), notes);
        assertTrue(notes.contains("<details>\n<summary>Environment</summary>\n\n| key | value |"), notes);
        assertEquals(2, notes.split("</details>", -1).length - 1);
    }

    private static List<String> links(String markdown) {
        Matcher m = Pattern.compile("\\]\\(([^)]+)\\)").matcher(markdown);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
