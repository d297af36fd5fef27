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

/** A class that recorded no cycle says "not run" in the table, not the mechanism it would have used (issue 11). */
class NotRunLabelTest {

    @Test
    void aClassWithoutCyclesIsNotRun(@TempDir Path dir) throws IOException {
        RunFixture.golden(dir);
        FaultClass partition = FaultClass.PARTITION_MINORITY;
        Files.delete(dir.resolve(RunFiles.cycleLogName(partition)));
        Files.delete(dir.resolve(RunFiles.latencyLogName(partition)));

        String table = SummaryTable.render(Phase4Analysis.analyze(RunLoader.load(dir, false)));

        String row = table.lines().filter(l -> l.contains(partition.key())).findFirst().orElseThrow();
        assertTrue(row.contains("not run"), row);
        assertFalse(row.contains("proxy-blackhole"), row);
        String kill = table.lines().filter(l -> l.contains(FaultClass.KILL_PRIMARY_MID_WRITE.key())).findFirst()
                .orElseThrow();
        assertFalse(kill.contains("not run"), "the control: a class that ran names its mechanism: " + kill);
    }
}
