package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cycle whose latencies exceeded the histogram range says so, and the class fails with the count. */
class OverRangeLatencyTest {

    @Test
    void latenciesAboveTheRangeFailTheClassWithTheirCount(@TempDir Path dir) throws IOException {
        RunFixture.golden(dir);
        FaultClass kill = FaultClass.KILL_PRIMARY_MID_WRITE;
        Path jsonl = dir.resolve(RunFiles.cycleLogName(kill));
        String text = Files.readString(jsonl);
        Files.writeString(jsonl, text.replaceFirst("\\}\\}\n", "},\"latency_over_range\":3}\n"));

        FaultSummary s = Phase4Analysis.analyze(RunLoader.load(dir, false)).faults().get(kill);

        assertFalse(s.pass());
        assertTrue(s.reasons().stream().anyMatch(r -> r.contains("3 write latency(ies) above the histograms' 60 s range")),
                s.reasons().toString());
    }
}
