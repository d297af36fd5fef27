package dev.quorumbench.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress is read from the JSONL lines through the cycle record type; a line still being written is skipped. */
class ProgressMonitorTest {

    private static final FaultClass F = FaultClass.DROP_RANDOM_ACKS;

    @TempDir
    Path dir;

    @Test
    void countsWholeLinesAndNamesTheRunningClass() throws Exception {
        CampaignSpec spec = RunFixture.plan(dir, "p", List.of(F), 4, 10);
        RunFixture.cycles(dir, F, List.of(
                RunFixture.cycle(F, 1, 10, 9, 1, 0, List.of(9, 9, 9), 0, null, null, null),
                RunFixture.cycle(F, 2, 10, 8, 1, 1, List.of(8, 8, 7), 1, null, null, null)));
        Files.writeString(RunFiles.cycleLog(dir, F), "{\"cycle\":3,\"fault\":\"drop_ra", StandardOpenOption.APPEND);
        List<String> lines = new ArrayList<>();

        try (ProgressMonitor monitor = new ProgressMonitor(spec, lines::add)) {
            monitor.report();
        }

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("progress: drop_random_acks cycle "), lines.get(0));
        assertTrue(lines.get(0).contains("  2/4 cycles  ok 17  quorum_not_met 2  fail 1  lost 1  ETA "), lines.get(0));
    }

    /** An interleaved campaign's progress counts both arms' cycles: the head arm's are half the work. */
    @Test
    void interleavedArmsCountTogether() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path head = Files.createDirectories(dir.resolve("head"));
        CampaignSpec spec = RunFixture.plan(base, "p-base", List.of(F), 4, 10);
        RunFixture.cycles(base, F, List.of(RunFixture.cycle(F, 1, 10, 9, 1, 0, List.of(9, 9, 9), 0, null, null, null),
                RunFixture.cycle(F, 2, 10, 10, 0, 0, List.of(10, 10, 10), 0, null, null, null)));
        RunFixture.cycles(head, F, List.of(RunFixture.cycle(F, 1, 10, 8, 1, 1, List.of(8, 8, 7), 1, null, null, null)));
        List<String> lines = new ArrayList<>();

        try (ProgressMonitor monitor = new ProgressMonitor(spec, List.of(base, head), lines::add)) {
            monitor.report();
        }

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("progress: drop_random_acks cycle 3/8 (arms together)  3/8 cycles  ok 27  "
                + "quorum_not_met 2  fail 1  lost 1  ETA "), lines.get(0));
    }

    @Test
    void laterRoundsCountOnlyWhatWasAppendedAndFinishTheCutLine() throws Exception {
        CampaignSpec spec = RunFixture.plan(dir, "p", List.of(F), 4, 10);
        RunFixture.cycles(dir, F, List.of(RunFixture.cycle(F, 1, 10, 9, 1, 0, List.of(9, 9, 9), 0, null, null, null)));
        Path log = RunFiles.cycleLog(dir, F);
        String whole = Files.readString(log);
        String second = whole.replace("\"cycle\":1", "\"cycle\":2");
        Files.writeString(log, second.substring(0, 20), StandardOpenOption.APPEND);
        List<String> lines = new ArrayList<>();

        try (ProgressMonitor monitor = new ProgressMonitor(spec, lines::add)) {
            monitor.report();
            Files.writeString(log, second.substring(20), StandardOpenOption.APPEND);
            monitor.report();
            monitor.report();
        }

        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("  1/4 cycles  ok 9  quorum_not_met 1  fail 0  lost 0  ETA "), lines.get(0));
        assertTrue(lines.get(1).startsWith("progress: drop_random_acks cycle 2/4  2/4 cycles  ok 18  quorum_not_met 2 "),
                lines.get(1));
    }

    /**
     * The runner reports once more on its own thread after a failed campaign while the monitor's thread may be
     * reporting: each new line must still be counted once (the counts are incremental, so a double read doubles them).
     */
    @Test
    void reportsFromTwoThreadsCountEachLineOnce() throws Exception {
        int n = 3000;
        CampaignSpec spec = RunFixture.plan(dir, "p", List.of(F), n, 10);
        List<dev.quorumbench.run.CycleRecord> records = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
            records.add(RunFixture.cycle(F, c, 10, 9, 1, 0, List.of(9, 9, 9), 0, null, null, null));
        }
        RunFixture.cycles(dir, F, records);
        for (int round = 0; round < 5; round++) {
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            try (ProgressMonitor monitor = new ProgressMonitor(spec, lines::add)) {
                java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(4);
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Thread t = new Thread(() -> {
                        try {
                            go.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        monitor.report();
                    });
                    t.start();
                    threads.add(t);
                }
                for (Thread t : threads) {
                    t.join(30_000);
                }
                monitor.report();
            }
            for (String line : lines) {
                assertTrue(line.contains(" " + n + "/" + n + " cycles  ok " + (9 * n) + "  "), line);
            }
        }
    }
}
