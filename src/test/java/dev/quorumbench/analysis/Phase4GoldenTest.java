package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.fault.FaultEvent;
import dev.quorumbench.fault.MechanismStatus;
import dev.quorumbench.record.CycleRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    }

    @Test
    void analysisIsDeterministic() throws IOException {
        RunFixture.golden(dir);

        String first = Phase4Json.render(Phase4Analysis.analyze(dir));
        String second = Phase4Json.render(Phase4Analysis.analyze(dir));

        assertEquals(first, second);
    }

    @Test
    void cycleRecordJsonLineMatchesGolden() throws IOException {
        CycleRecord r = new CycleRecord(7, "kill_primary_mid_write", "closed-loop", 100, 98, 1, 1, 104,
                List.of(98, 98, 97), 1, List.of("w-7-42"), 1, 0, false, 20_000L, 812L, null,
                new FaultEvent("sigkill", MechanismStatus.REAL, 1_795_817_712_300L, 1_795_817_713_112L,
                        "SIGKILL pid 4242 (node-0)", Map.of("recovery_ms", 812L)),
                1_795_817_712_000L, 1_795_817_734_000L, new CycleRecord.LatencySummary(98, 1800, 2600, 410_000,
                        415_000, 415_000));

        Golden.assertMatches("cycle-record.jsonl", RunFixture.jsonLine(r) + "\n");
    }
}
