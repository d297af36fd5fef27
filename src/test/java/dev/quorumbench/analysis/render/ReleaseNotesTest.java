package dev.quorumbench.analysis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.analysis.Phase4Analysis;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.analysis.RunLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void theRegressionIsInTheHeadlineAndListedBeforeTheResults() throws Exception {
        String notes = ReleaseNotes.render(evidence(true), PLOTS);

        String headline = notes.lines().findFirst().orElseThrow();
        assertEquals("# Phase-4 chaos campaign `golden`: REGRESSION against `20261127T221500Z` · run FAIL", headline);
        int regressedLine = notes.indexOf("- `kill_primary_mid_write` latency p99 (ms): ");
        assertTrue(regressedLine > 0 && regressedLine < notes.indexOf("## Results"), notes);
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
