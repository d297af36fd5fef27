package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.LocalHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled etcd target's smoke campaign (README "etcd"): the run brings up its own namespace cluster, starts three
 * etcd members there over SSH, runs kill (SIGKILL and restart on the same data directory), partition (iptables by
 * address) and SIGSTOP for real, records the clock class as not run with its reason, passes, and leaves no namespace.
 */
@Tag("process")
class EtcdCampaignProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ETCD = Path.of("/usr/bin/etcd");

    @TempDir
    Path tmp;

    @Test
    @Timeout(900)
    void smokePassesWithThreeRealClassesAndTheClockNotRun() throws Exception {
        skipUnless(LocalHost.get().facts().root(), "a namespace cluster needs root");
        skipUnless(Files.isExecutable(Path.of("/usr/sbin/sshd")), "openssh-server is missing");
        skipUnless(Files.isExecutable(ETCD), ETCD + " is missing (apt-get install etcd-server)");
        skipUnless(LocalHost.get().firewall().value().isPresent(), "no usable iptables");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path runs = tmp.resolve("runs");
        int exit = Main.run(new String[] {"--campaign-id", "etcd", "--runs-dir", runs.toString(), "--target", "etcd",
            "--preset", "smoke"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        System.out.println("---- etcd smoke exit " + exit + "\n" + o + e);
        assertEquals(ExitCode.OK, exit, e);
        assertTrue(o.contains("PASS (3 of 4 fault classes run)"), o);
        assertTrue(o.contains("clock_skew_peer          not run: etcd is a Go binary"), o);

        Path dir = runs.resolve("etcd");
        JsonNode phase4 = JSON.readTree(dir.resolve("phase4.json").toFile());
        assertTrue(phase4.path("not_run").path("clock_skew_peer").asText().contains("libfaketime"), phase4.toString());
        assertFalse(phase4.path("faults").has("clock_skew_peer"), "a class not run has no result");
        JsonNode hosts = JSON.readTree(dir.resolve("target-hosts.json").toFile());
        assertEquals("ssh", hosts.path("host").asText());
        assertEquals(2380, hosts.path("nodes").path(0).path("peer_port").asInt());
        for (String fault : List.of("kill_primary_mid_write", "partition_minority", "drop_random_acks")) {
            for (JsonNode c : RealCycles.assertEveryCycleReal(dir, fault, 3)) {
                assertEquals(0, c.path("lost_acknowledged").asInt(), c.toString());
            }
        }
        for (JsonNode c : RealCycles.assertEveryCycleReal(dir, "kill_primary_mid_write", 3)) {
            assertTrue(c.path("recovery_ms").isNumber(), "restarted on its data directory: " + c);
        }
        for (JsonNode c : RealCycles.assertEveryCycleReal(dir, "partition_minority", 3)) {
            String detail = c.path("fault_event").path("detail").asText();
            assertTrue(detail.startsWith("iptables DROP in chain QB-"), detail);
        }
        assertTrue(Files.readString(dir.resolve("nodes/netns/node-0/node-0.log")).contains("etcd"),
                "the member logs are kept in the run directory");
        String name = e.replaceAll("(?s).*on namespace cluster (\\S+) .*", "$1");
        CommandResult netns = LocalHost.get().run(List.of("ip", "netns", "list"), null, 5000);
        assertFalse(netns.output().contains(name + "-h0"), "the run's namespaces are gone: " + netns.output());
    }

    /** Ctrl-C mid-campaign: the fork stops, then the run's namespaces, their etcd members and sshd are all gone. */
    @Test
    @Timeout(300)
    void sigintRemovesTheRunsOwnNamespaceCluster() throws Exception {
        skipUnless(LocalHost.get().facts().root(), "a namespace cluster needs root");
        skipUnless(Files.isExecutable(Path.of("/usr/sbin/sshd")), "openssh-server is missing");
        skipUnless(Files.isExecutable(ETCD), ETCD + " is missing (apt-get install etcd-server)");
        Path runs = tmp.resolve("runs");
        Files.createDirectories(runs);
        Path dir = runs.resolve("sigint");
        Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--target", "etcd",
                "--campaign-id", "sigint", "--runs-dir", runs.toString(), "--faults", "kill_primary_mid_write",
                "--cycles", "100", "--writes", "20", "--warmup-cycles", "0")
                .redirectErrorStream(true).redirectOutput(runs.resolve("harness.log").toFile()).start();
        String name = OwnHosts.layout(harness.pid(), 3).name();
        try {
            Path jsonl = dir.resolve("phase4-kill_primary_mid_write.jsonl");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
            while (!(Files.exists(jsonl) && !Files.readAllLines(jsonl).isEmpty())) {
                assertTrue(harness.isAlive(), "harness ended early: " + Files.readString(runs.resolve("harness.log")));
                assertTrue(System.nanoTime() < deadline, "no cycle recorded within 180 s");
                Thread.sleep(200);
            }
            assertTrue(namespaces().contains(name + "-h0"), "the run's cluster is up: " + namespaces());
            new ProcessBuilder("kill", "-INT", Long.toString(harness.pid())).start()
                    .waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(harness.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "harness did not stop after SIGINT");
        } finally {
            harness.descendants().forEach(ProcessHandle::destroyForcibly);
            harness.destroyForcibly();
        }
        String log = Files.readString(runs.resolve("harness.log"));
        System.out.println(log);
        assertTrue(log.contains("quorumbench: removed namespace cluster " + name), log);
        assertFalse(namespaces().contains(name + "-"), "no namespace of the run is left: " + namespaces());
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir"), "quorumbench-cluster-" + name)),
                "its keys and configuration are deleted");
        CommandResult etcd = LocalHost.get().run(List.of("pgrep", "-f", dir.toString()), null, 5000);
        assertFalse(etcd.ok(), "no etcd member of the run still runs: " + etcd.output());
    }

    private static String namespaces() throws Exception {
        return LocalHost.get().run(List.of("ip", "netns", "list"), null, 5000).output();
    }

    private static void skipUnless(boolean condition, String why) {
        if (!condition) {
            System.out.println("EtcdCampaignProcessTest skipped: " + why);
        }
        Assumptions.assumeTrue(condition, "skipped: " + why);
    }
}
