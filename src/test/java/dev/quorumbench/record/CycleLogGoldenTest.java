package dev.quorumbench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.FaultWindow;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Schedule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seals the JSONL line format: a change to it must be a deliberate change of this golden file. */
class CycleLogGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/cycle-record.jsonl");

    static CycleRecord sample() {
        return new CycleRecord(7, FaultClass.KILL_PRIMARY_MID_WRITE, Schedule.Mode.CLOSED_LOOP, 100, 97, 2, 1, 0, 1, 131,
                List.of(97, 96, 97), 1, List.of("qb-x-kill_primary_mid_write-c7-w4"), 2,
                new CycleRecord.InFlight(3, 1, 1, 1), 99, List.of(99, 97, 98), 0,
                false, -1,
                812L, null,
                new FaultEvent("sigkill", MechanismStatus.REAL, 1_795_000_000_100L, 1_795_000_000_912L,
                        "SIGKILL pid 4242 (node-0)", Map.of("recovery_ms", 812L),
                        new FaultWindow(1_795_000_000_100L, 1_795_000_000_131L, 1_795_000_000_912L, 1_795_000_000_940L)),
                1_795_000_000_000L, 1_795_000_021_000L,
                new CycleRecord.LatencySummary(97, 1_840, 2_310, 905_000, 905_000, 905_215), 0, null);
    }

    @Test
    void lineMatchesGolden() throws Exception {
        String line = CycleLog.line(sample());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, line + "\n", StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8).trim(), line);
    }

    @Test
    void appendWritesOneFlushedLinePerCycle(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("phase4-x.jsonl");
        try (CycleLog log = new CycleLog(file)) {
            log.append(sample());
            assertEquals(1, Files.readAllLines(file).size(), "visible before close: flushed per cycle");
            log.append(sample());
        }
        assertEquals(List.of(CycleLog.line(sample()), CycleLog.line(sample())), Files.readAllLines(file));
    }
}
