package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.time.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The campaign end to end through {@code Main.run}: a real JMH fork per fault class, real three-node reference
 * clusters, real faults. Also proves the checks can fail, with deliberately broken node modes, on the local process
 * target and on the namespace cluster over SSH alike.
 */
@Tag("process")
class CampaignProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> FAULTS = List.of(
            "kill_primary_mid_write", "partition_minority", "drop_random_acks", "clock_skew_peer");

    @TempDir
    Path runs;

    private CampaignRun run(String id, String... args) {
        return CampaignRun.run(runs, id, args);
    }

    @Test
    @Timeout(900)
    void smokeCampaignOnTheReferenceFederationPassesAndLeavesEveryArtifact() throws Exception {
        CampaignRun r = run("X", "--cycles", "3", "--writes", "20");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        JsonNode p = r.phase4();
        assertTrue(p.path("pass").asBoolean());
        assertTrue(p.path("complete").asBoolean());
        JsonNode jmh = JSON.readTree(r.dir().resolve("jmh-result.json").toFile());
        assertEquals(4, jmh.size(), "one JMH benchmark result per fault class");
        for (JsonNode bench : jmh) {
            JsonNode secondary = bench.path("secondaryMetrics");
            long total = secondary.path("ok").path("score").asLong() + secondary.path("quorum_not_met").path("score").asLong()
                    + secondary.path("fail").path("score").asLong();
            assertEquals(60, total, "JMH's secondary metrics carry the outcome counts of " + bench.path("params"));
        }
        for (String fault : FAULTS) {
            List<JsonNode> cycles = r.cycles(fault);
            assertEquals(3, cycles.size(), fault);
            for (JsonNode c : cycles) {
                assertEquals(20, c.path("ok").asInt() + c.path("quorum_not_met").asInt() + c.path("fail").asInt());
                assertEquals("real", c.path("fault_event").path("status").asText(), fault + " really injected");
                assertTrue(c.path("fault_event").path("start_ms").asLong() > 0, fault + " took effect");
            }
            JsonNode f = p.path("faults").path(fault);
            double bound = f.path("convergence_bound").asDouble(-1);
            assertTrue(bound >= 0 && bound <= 1, fault);
            assertTrue(f.path("replica_convergence").asDouble(-1) >= 0 && f.path("replica_convergence").asDouble(-1) <= 1);
            assertTrue(f.path("latency_ms").path("ok").path("p99").asDouble() > 0, fault + " has latency percentiles");
            assertFalse(f.path("mechanism").path("name").asText().isEmpty());
            assertEquals(fault.equals("kill_primary_mid_write"), f.path("recovery_ms").isObject(), fault + " recovery");

            HistogramLogReader hlog = new HistogramLogReader(r.dir().resolve("latency-" + fault + ".hlog").toFile());
            int intervals = 0;
            while (hlog.nextIntervalHistogram() != null) {
                intervals++;
            }
            assertTrue(intervals >= 3, fault + ": one .hlog interval per cycle and outcome");
        }
        assertNoProcessMentions(r.dir());
    }

    /**
     * Where the detection tests run: the local process target, and the namespace cluster (nodes in namespaces of
     * their own, every fault over SSH: {@code --target reference-netns}, which brings up and removes a cluster of
     * its own), so an unsafe node is caught the same way on both.
     */
    static final String LOCAL = "local";
    static final String NETNS = "netns";

    /** The arguments that select {@code target}; the namespace cluster skips with the reason where it cannot run. */
    static List<String> on(String target) {
        if (!target.equals(NETNS)) {
            return List.of();
        }
        Assumptions.assumeTrue(LocalHost.get().facts().root(), "skipped: a namespace cluster needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "skipped: openssh-server missing");
        Assumptions.assumeTrue(LocalHost.get().firewall().value().isPresent(), "skipped: no iptables");
        return List.of("--target", "reference-netns");
    }

    /**
     * An unsafe node's campaign on {@code target}. Its lost writes never arrive, so every cycle's read-back waits
     * out the convergence deadline (10 x the quorum timeout, 20 s): a preset shortens it to 5 s, still ten
     * anti-entropy rounds, which took about 45 s off each of these six campaigns in CI.
     */
    private CampaignRun runOn(String target, String id, String... args) {
        Path preset = runs.resolve("short-read-back.json");
        try {
            Files.writeString(preset, "{\"converge_deadline_ms\": 5000}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(List.of("--preset", preset.toString()));
        all.addAll(List.of(args));
        all.addAll(on(target));
        return run(id + "-" + target, all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {LOCAL, NETNS})
    @Timeout(600)
    void ackBeforeCommitLosesAcknowledgedWritesAndTheKillClassFails(String target) throws Exception {
        CampaignRun r = runOn(target, "ackb", "--faults", "kill_primary_mid_write", "--cycles", "3", "--writes", "20",
                "--warmup-cycles", "0", "--node-args", "--unsafe-ack-before-commit");
        assertEquals(ExitCode.FAILED, r.exit(), r.err());
        JsonNode f = r.phase4().path("faults").path("kill_primary_mid_write");
        assertTrue(f.path("lost_acknowledged").asLong() > 0, "lost acknowledged writes detected");
        assertFalse(f.path("pass").asBoolean());
        assertTrue(r.out().contains("UNSAFE: node flag --unsafe-ack-before-commit"), "summary names the flag: "
                + r.out());
        assertNoProcessMentions(r.dir());
    }

    /*
     * With the default fan-out every write is pushed to every peer and TCP delivers a held push once a partition
     * heals, so anti-entropy never carries an acknowledged write and a sync bug cannot show in any fault class.
     * With --fanout quorum each write goes to W-1 peers and the third replica depends on the sync daemon: there a
     * missing or clock-dependent daemon loses replicas, and the campaign must say so.
     */

    @Test
    @Timeout(900)
    void withQuorumFanoutAndSafeSyncThePartitionAndClockClassesPass() throws Exception {
        CampaignRun r = run("quorum-safe", "--faults", "partition_minority,clock_skew_peer", "--cycles", "3", "--writes", "20",
                "--warmup-cycles", "0", "--fault-window-ms", "2000", "--node-args", "--fanout quorum");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertNoProcessMentions(r.dir());
    }

    @ParameterizedTest
    @ValueSource(strings = {LOCAL, NETNS})
    @Timeout(600)
    void withoutAntiEntropyThePartitionClassFailsOnReplicaConvergence(String target) throws Exception {
        CampaignRun r = runOn(target, "nosync", "--faults", "partition_minority", "--cycles", "3", "--writes", "20",
                "--warmup-cycles", "0", "--node-args", "--fanout quorum --unsafe-no-sync");
        assertEquals(ExitCode.FAILED, r.exit(), r.err());
        JsonNode f = r.phase4().path("faults").path("partition_minority");
        assertTrue(f.path("replica_convergence").asDouble() < 0.99, "replica convergence fails");
        assertTrue(f.path("lost_acknowledged").asLong() > 0);
        assertNoProcessMentions(r.dir());
    }

    @ParameterizedTest
    @ValueSource(strings = {LOCAL, NETNS})
    @Timeout(600)
    void wallClockSyncWatermarksLoseWritesUnderSkewAndTheClockClassFails(String target) throws Exception {
        // A 2 s skew: the node's wall-clock watermark skips what was written while its clock ran 60 s ahead. The
        // writes are paced (50/s for 1.2 s) so that some land after node-1's first pull with the skewed clock: a
        // closed-loop burst of 20 writes can finish before the skew is even confirmed, and then nothing is skipped.
        CampaignRun r = runOn(target, "wall", "--faults", "clock_skew_peer", "--cycles", "3", "--writes", "60", "--rate", "50",
                "--warmup-cycles", "0", "--fault-window-ms", "2000", "--node-args",
                "--fanout quorum --unsafe-sync-wallclock");
        assertEquals(ExitCode.FAILED, r.exit(), r.err());
        JsonNode f = r.phase4().path("faults").path("clock_skew_peer");
        assertTrue(f.path("lost_acknowledged").asLong() > 0, "writes lost to the skewed watermark are detected");
        assertFalse(f.path("pass").asBoolean());
        assertNoProcessMentions(r.dir());
    }

    @Test
    @Timeout(120)
    void anUnstartableTargetExitsFourWithOneLine() throws Exception {
        Path profile = runs.resolve("broken-target.json");
        Files.writeString(profile, "{\"name\":\"broken\",\"command\":[\"/nonexistent/quorumbench-node\",\"--port\",\"${port}\"]}");
        CampaignRun r = run("broken", "--faults", "partition_minority", "--cycles", "1", "--writes", "1",
                "--target", profile.toString());
        assertEquals(ExitCode.HARNESS, r.exit(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("quorumbench run: target did not start")), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertNoProcessMentions(r.dir());
    }

    /** No node, proxy or fork that mentions the run directory is still alive. */
    static void assertNoProcessMentions(Path dir) {
        String needle = dir.toString();
        if (!Await.until(() -> mentioning(needle).isEmpty(), 10_000, 200)) {
            throw new AssertionError("processes left behind: " + mentioning(needle));
        }
    }

    private static List<String> mentioning(String needle) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }
}
