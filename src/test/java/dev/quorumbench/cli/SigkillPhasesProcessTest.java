package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.time.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIGKILL of the main process, or of the JMH fork, in every phase of a campaign leaves nothing: no fork, node, proxy
 * or guard process, no JMH temp file. The target is a test store whose nodes have no {@code --parent-pid}
 * ({@code kv-unwatched.json}), so only the harness's own guards can end them. The phase is told from outside: the
 * process table (fork, nodes, node-0's pid), the run directory, and the store's trace of the requests it got.
 */
@Tag("process")
class SigkillPhasesProcessTest {

    enum Victim { MAIN, FORK }

    enum Phase { BEFORE_JMH, CLUSTER_START, WARM_UP, MID_FAULT, READ_BACK, AFTER_JMH }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Phase p : Phase.values()) {
            all.add(Arguments.of(Victim.MAIN, p));
        }
        // The fork exists from the cluster start until JMH returns.
        for (Phase p : List.of(Phase.CLUSTER_START, Phase.WARM_UP, Phase.MID_FAULT, Phase.READ_BACK)) {
            all.add(Arguments.of(Victim.FORK, p));
        }
        return all.stream();
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "SIGKILL of {0} during {1}")
    @MethodSource("cases")
    @Timeout(150)
    void leavesNothingBehind(Victim victim, Phase phase) throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path trace = tmp.resolve("store.trace");
        String id = "kill-" + victim.name().toLowerCase() + "-" + phase.name().toLowerCase().replace('_', '-');
        Path dir = runs.resolve(id);
        Path log = tmp.resolve("harness.log");
        // C1 and the serial collector: the main process starts faster, which keeps ten campaigns short.
        Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--campaign-id", id, "--runs-dir", runs.toString(),
                "--target", Path.of("src", "test", "resources", "targets", "kv-unwatched.json").toString(),
                "--faults", "kill_primary_mid_write", "--writes", "4",
                "--cycles", phase == Phase.AFTER_JMH ? "1" : "3",
                "--warmup-cycles", phase == Phase.WARM_UP ? "1" : "0",
                "--node-args", "--trace " + trace + (phase == Phase.READ_BACK ? " --range-delay-ms 1500" : ""))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        ProcessHandle killed = null;
        try {
            killed = awaitPhase(harness, victim, phase, dir, trace, seen, log);
            long atMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            killed.destroyForcibly(); // SIGKILL
            // The main process ends at once (killed) or by itself once JMH reports its dead fork.
            assertTrue(harness.waitFor(90, TimeUnit.SECONDS), "the main process did not end after the fork's SIGKILL");
            long killedAt = System.nanoTime();
            boolean allGone = Await.until(() -> seen.values().stream().noneMatch(ProcessHandle::isAlive), 10_000, 50);
            long goneMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            List<String> left = seen.values().stream().filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + cmdline(p.pid())).toList();
            System.out.printf("SIGKILL of %s during %s: at %d ms, %d processes seen, all gone %d ms after the main"
                    + " process ended, left %d%n", victim, phase, atMs, seen.size(), goneMs, left.size());
            assertTrue(allGone, "processes outlived the SIGKILL by 10 s: " + left);
        } finally {
            harness.descendants().forEach(ProcessHandle::destroyForcibly);
            harness.destroyForcibly();
            seen.values().forEach(ProcessHandle::destroyForcibly);
        }
        CampaignProcessTest.assertNoProcessMentions(tmp);
        // JMH's temp files of this harness are only ever in its own directory, which nothing must leave behind.
        Path jmhDir = Path.of(System.getProperty("java.io.tmpdir"), "quorumbench-jmh-" + harness.pid());
        assertTrue(Await.until(() -> !Files.exists(jmhDir), 5000, 50), "JMH temp files left in " + jmhDir + ": "
                + list(jmhDir));
    }

    /**
     * Polls (10 ms) until the campaign is in {@code phase}, recording every descendant of the main process on the
     * way; returns the process to SIGKILL.
     */
    private static ProcessHandle awaitPhase(Process harness, Victim victim, Phase phase, Path dir, Path trace,
                                            Map<Long, ProcessHandle> seen, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long node0 = -1;
        boolean forkSeen = false;
        while (true) {
            assertTrue(System.nanoTime() < deadline, phase + " not reached within 90 s: " + read(log));
            harness.descendants().forEach(p -> seen.putIfAbsent(p.pid(), p));
            Optional<ProcessHandle> fork = seen.values().stream().filter(ProcessHandle::isAlive)
                    .filter(p -> cmdline(p.pid()).contains("org.openjdk.jmh.runner.ForkedMain")).findFirst();
            forkSeen |= fork.isPresent();
            List<ProcessHandle> nodes = seen.values().stream().filter(ProcessHandle::isAlive)
                    .filter(p -> cmdline(p.pid()).contains("dev.quorumbench.store.KvTestNode")).toList();
            if (node0 < 0) {
                node0 = nodes.stream().filter(p -> cmdline(p.pid()).contains("--node-index\u00000\u0000"))
                        .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
            }
            List<String> events = Files.exists(trace) ? Files.readAllLines(trace) : List.of();
            boolean reached = switch (phase) {
                case BEFORE_JMH -> Files.exists(dir.resolve("campaign.json")) && !forkSeen;
                // A node with its guard: a fork killed in the milliseconds between the two leaves that node (a
                // known gap, RELIABILITY.md), which this test does not aim at.
                case CLUSTER_START -> !nodes.isEmpty() && events.isEmpty() && seen.values().stream()
                        .filter(ProcessHandle::isAlive).anyMatch(p -> cmdline(p.pid()).contains("\u0000qb-node-guard\u0000"));
                case WARM_UP -> events.contains("put"); // the one warm-up cycle comes first
                case MID_FAULT -> node0 > 0 && !ProcessHandle.of(node0).map(ProcessHandle::isAlive).orElse(false);
                case READ_BACK -> events.contains("range");
                case AFTER_JMH -> forkSeen && fork.isEmpty();
            };
            if (reached) {
                if (victim == Victim.MAIN) {
                    assertTrue(harness.isAlive(), "the main process ended before " + phase + ": " + read(log));
                    return harness.toHandle();
                }
                return fork.orElseThrow(() -> new AssertionError("no fork during " + phase));
            }
            if (phase == Phase.BEFORE_JMH && forkSeen) {
                throw new AssertionError("the fork started before the campaign file was seen");
            }
            assertTrue(harness.isAlive(), "the main process ended before " + phase + ": " + read(log));
            Thread.sleep(10);
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
