package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seals the machine-readable outputs (phase4.json, the JSONL line) and the human ones (report.md, summary, .hgrm). */
class Phase4GoldenTest {

    @TempDir
    Path dir;

    @Test
    void phase4JsonReportAndSummaryMatchGolden() throws IOException {
        RunFixture.golden(dir);
        RunData data = RunLoader.load(dir);
        Phase4Report report = Phase4Analysis.analyze(data);

        Phase4Files.write(dir, data, report);

        Golden.assertMatches("phase4.json", Files.readString(dir.resolve("phase4.json")));
        Golden.assertMatches("report.md", Files.readString(dir.resolve("report.md")));
        Golden.assertMatches("report-table.md", ReportMarkdown.table(report));
        Golden.assertMatches("summary.txt", SummaryTable.render(report));
        Golden.assertMatches("latency-kill_primary_mid_write.hgrm",
                Files.readString(dir.resolve("latency-kill_primary_mid_write.hgrm")));
        Golden.assertMatches("latency-kill_primary_mid_write-ok.hgrm",
                Files.readString(dir.resolve("latency-kill_primary_mid_write-ok.hgrm")));
    }

    /** A class the target declared not applicable is shown as not run with its reason, never as passed. */
    @Test
    void aClassNotApplicableIsNotRunWithItsReason() throws IOException {
        RunFixture.golden(dir);
        Path campaign = dir.resolve(dev.quorumbench.run.RunFiles.CAMPAIGN_JSON);
        dev.quorumbench.run.CampaignJson.write(dev.quorumbench.run.CampaignJson.read(campaign).withoutNotApplicable(
                java.util.Map.of(dev.quorumbench.run.FaultClass.CLOCK_SKEW_PEER,
                        "etcd is a Go binary: libfaketime cannot reach its clock")));
        RunData data = RunLoader.load(dir);
        Phase4Report report = Phase4Analysis.analyze(data);

        Phase4Files.write(dir, data, report);

        Golden.assertMatches("phase4-not-run.json", Files.readString(dir.resolve("phase4.json")));
        Golden.assertMatches("report-table-not-run.md", ReportMarkdown.table(report));
        Golden.assertMatches("summary-not-run.txt", SummaryTable.render(report));
        org.junit.jupiter.api.Assertions.assertEquals(3, report.faults().size());
        org.junit.jupiter.api.Assertions.assertFalse(report.faults().containsKey(
                dev.quorumbench.run.FaultClass.CLOCK_SKEW_PEER), "a class not run has no result");
        org.junit.jupiter.api.Assertions.assertTrue(Files.readString(dir.resolve("report.md"))
                .contains("3 of 4 fault classes run"));
    }

    @Test
    void analysisIsDeterministic() throws IOException {
        RunFixture.golden(dir);

        String first = Phase4Json.render(Phase4Analysis.analyze(dir));
        String second = Phase4Json.render(Phase4Analysis.analyze(dir));

        assertEquals(first, second);
    }
}
