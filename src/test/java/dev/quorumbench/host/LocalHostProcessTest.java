package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local host's one process runner, long-lived processes, atomic files and facts, with real processes. */
@Tag("process")
class LocalHostProcessTest {

    private static final LocalHost LOCAL = LocalHost.get();

    @TempDir
    Path dir;

    @Test
    void runFeedsStdinAndReturnsExitAndOutput() throws Exception {
        CommandResult r = LOCAL.run(List.of("cat"), "hello\n", 5000);
        assertTrue(r.ok());
        assertEquals("hello", r.output());
        CommandResult failed = LOCAL.run(List.of("sh", "-c", "echo oops >&2; exit 3"), null, 5000);
        assertEquals(3, failed.exit());
        assertEquals("oops", failed.firstLine());
    }

    @Test
    void runKillsACommandThatOutlivesItsDeadline() {
        long t0 = System.nanoTime();
        HostException e = assertThrows(HostException.class, () -> LOCAL.run(List.of("sleep", "10"), null, 200));
        assertTrue(e.getMessage().contains("did not finish within 200 ms"), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1_000_000L < 5000);
        assertThrows(HostException.class, () -> LOCAL.run(List.of(dir.resolve("missing").toString()), null, 1000));
    }

    /** A command that never reads its input must not hold the caller past the deadline (the pipe holds ~64 KiB). */
    @Test
    void runIsBoundedWhenTheCommandNeverReadsItsInput() {
        String megabyte = "x".repeat(1 << 20);
        long t0 = System.nanoTime();
        HostException e = assertThrows(HostException.class, () -> LOCAL.run(List.of("sleep", "10"), megabyte, 300));
        assertTrue(e.getMessage().contains("did not finish within 300 ms"), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1_000_000L < 5000, "bounded by the deadline, not by the pipe");
    }


    @Test
    void startAppendsBannerAndOutputToTheLogWithTheEnvironment() throws Exception {
        Path log = dir.resolve("p.log");
        for (int i = 0; i < 2; i++) {
            HostProcess p = LOCAL.start(new ProcessSpec(List.of("sh", "-c", "echo marker=$MARKER; exit 4"),
                    Map.of("MARKER", "m" + i), log, "=== start " + i));
            assertTrue(p.awaitExit(5000));
            assertFalse(p.isAlive());
            assertEquals(4, p.exitCode().orElseThrow());
        }
        assertEquals(List.of("=== start 0", "marker=m0", "=== start 1", "marker=m1"), Files.readAllLines(log));
    }

    @Test
    void writeFileReplacesTheFileWhole() throws Exception {
        Path f = dir.resolve("sub/node-1.faketime");
        LOCAL.writeFile(f, "+60\n");
        assertEquals("+60\n", Files.readString(f));
        LOCAL.writeFile(f, "+0\n");
        assertEquals("+0\n", Files.readString(f));
        assertFalse(Files.exists(dir.resolve("sub/node-1.faketime.tmp")), "no temp file left behind");
        assertTrue(LOCAL.readable(f));
        assertFalse(LOCAL.readable(dir.resolve("nothing")));
    }

    @Test
    void factsOfThisMachine() {
        HostFacts facts = LOCAL.facts();
        System.out.println("local host facts: " + facts);
        assertTrue(facts.procfs(), "Linux has /proc");
        if (!facts.root()) {
            assertTrue(facts.firewall().reason().orElseThrow().startsWith("needs root"));
        }
        assertTrue(Files.isExecutable(Path.of(LOCAL.javaCommand().executable())));
    }
}
