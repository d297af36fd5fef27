package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading run directories: whole, interrupted and malformed. */
class RunLoaderTest {

    private static final FaultClass KILL = FaultClass.KILL_PRIMARY_MID_WRITE;

    @TempDir
    Path dir;

    @Test
    void jmhCountsAreTheCountMetricsNotTheLatencyPercentilesTheProfilerAdds() throws IOException {
        RunFixture.golden(dir);
        Path jmh = dir.resolve(RunFiles.JMH_RESULT);
        // The profiler's metrics, as JMH writes them: unit ms, a per-cycle mean; phase4.json must not count them.
        Files.writeString(jmh, Files.readString(jmh).replaceFirst("\"secondaryMetrics\" : \\{",
                "\"secondaryMetrics\" : { \"latency_ok_p99\" : { \"score\" : 4.5, \"scoreUnit\" : \"ms\" },"));

        Map<String, Double> scores = RunLoader.load(dir).jmh().byFault().get(KILL).secondaryScores();

        assertFalse(scores.containsKey("latency_ok_p99"), scores.toString());
        assertEquals(29.0, scores.get("ok"));
    }

    @Test
    void loadsEveryFileOfAWholeRun() throws IOException {
        RunFixture.golden(dir);

        RunData d = RunLoader.load(dir);

        assertEquals("golden", d.campaign().campaignId());
        assertEquals(RunFixture.FAULTS, List.copyOf(d.faults().keySet()));
        assertEquals(3, d.campaign().cycles());
        assertEquals(MechanismStatus.SIMULATED, d.campaign().mechanisms().get(FaultClass.CLOCK_SKEW_PEER).status());
        assertEquals(2, d.campaign().environment().get("cores"));
        FaultData kill = d.faults().get(KILL);
        assertEquals(3, kill.cycles().size());
        assertFalse(kill.jsonlTruncated());
        assertEquals(29, kill.histograms().get(Outcome.OK).getTotalCount());
        assertEquals(1, kill.histograms().get(Outcome.QUORUM_NOT_MET).getTotalCount());
        assertEquals(0, kill.histograms().get(Outcome.FAIL).getTotalCount());
        assertEquals(4, kill.intervals().size());
        LatencyInterval second = kill.intervals().get(1);
        assertEquals(4.0, second.startSec(), 1e-9);
        assertEquals(5.5, second.endSec(), 1e-9);
        assertEquals(Outcome.OK, second.outcome());
        assertEquals("1.37", d.jmh().jmhVersion());
        assertEquals(29.0, d.jmh().byFault().get(KILL).secondaryScores().get("ok"));
    }

    @Test
    void withoutIntervalsOnlyTheMergedHistogramsAreKept() throws IOException {
        RunFixture.golden(dir);

        FaultData lean = RunLoader.load(dir, false).faults().get(KILL);
        FaultData full = RunLoader.load(dir).faults().get(KILL);

        assertTrue(lean.intervals().isEmpty());
        assertEquals(4, full.intervals().size());
        assertEquals(full.histograms(), lean.histograms());
    }

    @Test
    void cutOffLastJsonlLineIsReportedNotFatal() throws IOException {
        RunFixture.golden(dir);
        Path jsonl = dir.resolve(RunFiles.cycleLogName(KILL));
        String text = Files.readString(jsonl);
        Files.writeString(jsonl, text.substring(0, text.length() - 40)); // mid third line, no newline

        FaultData kill = RunLoader.load(dir).faults().get(KILL);

        assertTrue(kill.jsonlTruncated());
        assertEquals(2, kill.cycles().size());
    }

    @Test
    void malformedLineElsewhereNamesFileAndLine() throws IOException {
        RunFixture.golden(dir);
        Path jsonl = dir.resolve(RunFiles.cycleLogName(KILL));
        List<String> lines = Files.readAllLines(jsonl);
        lines.set(1, lines.get(1).substring(0, 30));
        Files.write(jsonl, lines);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunLoader.load(dir));

        assertTrue(e.getMessage().startsWith("phase4-kill_primary_mid_write.jsonl:2: not a cycle record"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void recordOfAnotherFaultIsRejected() throws IOException {
        RunFixture.golden(dir);
        Files.copy(dir.resolve(RunFiles.cycleLogName(FaultClass.DROP_RANDOM_ACKS)), dir.resolve(RunFiles.cycleLogName(KILL)),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunLoader.load(dir));

        assertEquals("phase4-kill_primary_mid_write.jsonl:1: record of fault 'drop_random_acks' in the file of "
                + "'kill_primary_mid_write'", e.getMessage());
    }

    @Test
    void cutOffLastHlogIntervalIsReportedNotFatal() throws IOException {
        RunFixture.golden(dir);
        Path hlog = dir.resolve(RunFiles.latencyLogName(KILL));
        String text = Files.readString(hlog);
        Files.writeString(hlog, text.substring(0, text.length() - 25));

        FaultData kill = RunLoader.load(dir).faults().get(KILL);

        assertTrue(kill.hlogTruncated());
        assertEquals(3, kill.intervals().size());
        assertEquals(19, kill.histograms().get(Outcome.OK).getTotalCount());
    }

    @Test
    void malformedHlogIntervalElsewhereNamesFileAndLine() throws IOException {
        RunFixture.golden(dir);
        Path hlog = dir.resolve(RunFiles.latencyLogName(KILL));
        List<String> lines = Files.readAllLines(hlog);
        int firstInterval = 0;
        while (lines.get(firstInterval).startsWith("#") || lines.get(firstInterval).startsWith("\"")) {
            firstInterval++;
        }
        lines.set(firstInterval + 1, lines.get(firstInterval + 1).substring(0, 40) + "garbage");
        Files.write(hlog, lines);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunLoader.load(dir));

        assertTrue(e.getMessage().startsWith("latency-kill_primary_mid_write.hlog:" + (firstInterval + 2)
                + ": not a histogram interval"), e.getMessage());
    }

    @Test
    void missingPerFaultFilesAndJmhResultAreTolerated() throws IOException {
        RunFixture.golden(dir);
        Files.delete(dir.resolve(RunFiles.JMH_RESULT));
        Files.delete(dir.resolve(RunFiles.cycleLogName(FaultClass.CLOCK_SKEW_PEER)));
        Files.delete(dir.resolve(RunFiles.latencyLogName(FaultClass.CLOCK_SKEW_PEER)));

        RunData d = RunLoader.load(dir);

        assertNull(d.jmh());
        FaultData clock = d.faults().get(FaultClass.CLOCK_SKEW_PEER);
        assertFalse(clock.jsonlPresent());
        assertFalse(clock.hlogPresent());
        assertTrue(clock.cycles().isEmpty());
        assertEquals(0, clock.allOutcomes().getTotalCount());
    }

    @Test
    void missingDirectoryOrCampaignIsOneLineInputError() throws IOException {
        InvalidInputException noDir = assertThrows(InvalidInputException.class,
                () -> RunLoader.load(dir.resolve("nope")));
        assertTrue(noDir.getMessage().startsWith("no run directory at "), noDir.getMessage());

        InvalidInputException noCampaign = assertThrows(InvalidInputException.class, () -> RunLoader.load(dir));
        assertTrue(noCampaign.getMessage().startsWith("no campaign.json in "), noCampaign.getMessage());

        Files.writeString(dir.resolve(RunFiles.CAMPAIGN_JSON),
                "{\"campaign_id\": \"x\", \"faults\": [\"a\"], \"cycles\": 1, \"writes\": 1}");
        InvalidInputException badFault = assertThrows(InvalidInputException.class, () -> RunLoader.load(dir));
        assertEquals("campaign.json: faults[0]: unknown fault 'a' (valid: kill_primary_mid_write, partition_minority, "
                + "drop_random_acks, clock_skew_peer)", badFault.getMessage());

        Files.writeString(dir.resolve(RunFiles.CAMPAIGN_JSON), "{\"campaign_id\": ");
        InvalidInputException broken = assertThrows(InvalidInputException.class, () -> RunLoader.load(dir));
        assertTrue(broken.getMessage().startsWith("campaign.json: not valid JSON"), broken.getMessage());
    }

    @Test
    void emptyOrCutOffJmhResultCountsAsMissing() throws IOException {
        RunFixture.golden(dir);
        Path jmh = dir.resolve(RunFiles.JMH_RESULT);
        String text = Files.readString(jmh);
        Files.writeString(jmh, "");
        assertNull(RunLoader.load(dir).jmh());
        Files.writeString(jmh, text.substring(0, text.length() / 2));
        assertNull(RunLoader.load(dir).jmh());
    }

    @Test
    void malformedJmhResultIsAnInputError() throws IOException {
        RunFixture.golden(dir);
        Files.writeString(dir.resolve(RunFiles.JMH_RESULT), "{\"not\": \"an array\"}");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunLoader.load(dir));

        assertEquals("jmh-result.json: expected JMH's JSON result (an array of benchmarks)", e.getMessage());
    }

    @Test
    void everyCutOfTheLastLinesIsAPartialNeverAnError() throws IOException {
        RunFixture.golden(dir);
        String jsonText = Files.readString(dir.resolve(RunFiles.cycleLogName(KILL)));
        String hlogText = Files.readString(dir.resolve(RunFiles.latencyLogName(KILL)));
        int jsonLastStart = jsonText.lastIndexOf('\n', jsonText.length() - 2) + 1;
        int hlogLastStart = hlogText.lastIndexOf('\n', hlogText.length() - 2) + 1;
        for (int cut = jsonLastStart + 1; cut < jsonText.length() - 1; cut++) {
            CycleLogReader.Parsed p = CycleLogReader.parse("f", KILL, jsonText.substring(0, cut));
            assertTrue(p.truncated(), "cut at " + cut);
            assertEquals(2, p.cycles().size());
        }
        for (int cut = hlogLastStart + 1; cut < hlogText.length() - 1; cut++) {
            LatencyLogReader.Parsed p = LatencyLogReader.parse("f", hlogText.substring(0, cut));
            assertEquals(3, p.intervals().size(), "cut at " + cut);
            assertTrue(p.truncated(), "cut at " + cut);
        }
    }
}
