package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT to a running harness: the JMH fork, the nodes and the proxies are gone afterwards, and what was recorded
 * is still there and analyses as an explicit partial result.
 */
@Tag("process")
class InterruptProcessTest {

    @Test
    @Timeout(300)
    void sigintLeavesNoProcessAndKeepsWhatWasRecorded(@TempDir Path runs) throws Exception {
        Path dir = runs.resolve("sigint");
        Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--campaign-id", "sigint", "--runs-dir", runs.toString(), "--faults", "partition_minority",
                "--cycles", "100", "--writes", "20", "--warmup-cycles", "0")
                .redirectErrorStream(true)
                .redirectOutput(runs.resolve("harness.log").toFile())
                .start();
        try {
            Path jsonl = dir.resolve("phase4-partition_minority.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!(Files.exists(jsonl) && Files.readAllLines(jsonl).size() >= 2)) {
                assertTrue(harness.isAlive(), "harness ended early: " + Files.readString(runs.resolve("harness.log")));
                assertTrue(System.nanoTime() < deadline, "no cycle recorded within 180 s");
                Thread.sleep(200);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(harness.pid())).start().waitFor(5, TimeUnit.SECONDS);
            assertTrue(harness.waitFor(90, TimeUnit.SECONDS), "harness did not stop after SIGINT");
        } finally {
            harness.descendants().forEach(ProcessHandle::destroyForcibly);
            harness.destroyForcibly();
        }
        CampaignProcessTest.assertNoProcessMentions(dir);
        assertTrue(Files.readString(runs.resolve("harness.log")).contains("interrupted; what was recorded is in"));

        int exit = Main.run(new String[] {"analyze", dir.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(ExitCode.FAILED, exit, "a partial run never passes");
        JsonNode phase4 = new ObjectMapper().readTree(dir.resolve("phase4.json").toFile());
        assertFalse(phase4.path("complete").asBoolean());
        int done = phase4.path("cycles_done").path("partition_minority").asInt();
        assertTrue(done >= 2 && done < 100, "cycles kept: " + done);
        assertTrue(List.of(phase4.path("reasons").toString()).get(0).contains("incomplete"));
    }

    /**
     * SIGKILL of the harness runs none of its cleanup: the fork's watchdog notices within its poll period and
     * exits, its shutdown hooks stop the nodes and proxies (issue 11: they ran on until the cycle ended).
     */
    @Test
    @Timeout(300)
    void sigkillOfTheHarnessLeavesNoProcess(@TempDir Path runs) throws Exception {
        Path dir = runs.resolve("sigkill");
        Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--campaign-id", "sigkill", "--runs-dir", runs.toString(), "--faults", "partition_minority",
                // 1 s per write: a cycle lasts 20 s, so a fork that only stops at the end of its cycle outlives
                // the 10 s bound below; the watchdog stops it within its 200 ms poll.
                "--node-args", "--extra-latency-ms 1000",
                "--cycles", "100", "--writes", "20", "--warmup-cycles", "0")
                .redirectErrorStream(true)
                .redirectOutput(runs.resolve("harness.log").toFile())
                .start();
        List<ProcessHandle> left;
        try {
            Path jsonl = dir.resolve("phase4-partition_minority.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!(Files.exists(jsonl) && Files.readAllLines(jsonl).size() >= 1)) {
                assertTrue(harness.isAlive(), "harness ended early: " + Files.readString(runs.resolve("harness.log")));
                assertTrue(System.nanoTime() < deadline, "no cycle recorded within 180 s");
                Thread.sleep(200);
            }
            List<ProcessHandle> family = harness.descendants().toList();
            assertTrue(family.size() >= 4, "fork and three nodes expected: " + family.size());
            harness.destroyForcibly(); // SIGKILL
            harness.waitFor(10, TimeUnit.SECONDS);
            long killed = System.nanoTime();
            dev.quorumbench.time.Await.until(() -> family.stream().noneMatch(ProcessHandle::isAlive), 10_000, 50);
            long goneMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            left = family.stream().filter(ProcessHandle::isAlive).toList();
            System.out.println("sigkill of the harness: its " + family.size() + " descendants gone after " + goneMs
                    + " ms, left: " + left.size());
        } finally {
            harness.descendants().forEach(ProcessHandle::destroyForcibly);
            harness.destroyForcibly();
        }
        assertEquals(List.of(), left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList(),
                "processes that outlived the SIGKILLed harness by 10 s");
        CampaignProcessTest.assertNoProcessMentions(dir);
        // JMH's temp files of the dead harness were in its own directory, which its after-death watcher removes
        // (and the next start would sweep).
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path jmhDir = tmp.resolve("quorumbench-jmh-" + harness.pid());
        assertTrue(dev.quorumbench.time.Await.until(() -> !Files.exists(jmhDir), 5000, 50),
                "the SIGKILLed harness's JMH temp directory is removed: " + jmhDir);
    }
}
