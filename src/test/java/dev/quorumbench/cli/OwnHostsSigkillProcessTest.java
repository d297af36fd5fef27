package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.time.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the main process mid-campaign on a target with hosts of its own ({@code --target etcd}): no shutdown
 * hook runs, yet its namespace cluster (namespaces, sshd, etcd members) is removed by the {@code cluster down} its
 * after-death watcher starts.
 */
@Tag("process")
class OwnHostsSigkillProcessTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void theNamespaceClusterOfASigkilledHarnessIsRemoved() throws Exception {
        skipUnless(LocalHost.get().facts().root(), "a namespace cluster needs root");
        skipUnless(Files.isExecutable(Path.of("/usr/sbin/sshd")), "openssh-server is missing");
        skipUnless(Files.isExecutable(Path.of("/usr/bin/etcd")), "/usr/bin/etcd is missing (etcd-server)");
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path log = tmp.resolve("harness.log");
        Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--campaign-id", "etcd-sigkill", "--runs-dir", runs.toString(),
                "--target", "etcd", "--faults", "kill_primary_mid_write", "--cycles", "5", "--writes", "10",
                "--warmup-cycles", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String name = OwnHosts.layout(harness.pid(), 3).name();
        Path jsonl = runs.resolve("etcd-sigkill").resolve("phase4-kill_primary_mid_write.jsonl");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!(Files.exists(jsonl) && !Files.readAllLines(jsonl).isEmpty())) {
                assertTrue(harness.isAlive(), "the harness ended early: " + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, "no cycle within 180 s: " + Files.readString(log));
                Thread.sleep(100);
            }
            assertTrue(namespaces().contains(name + "-h0"), "the run's cluster is up: " + namespaces());
            harness.destroyForcibly(); // SIGKILL mid-campaign
            harness.waitFor(10, TimeUnit.SECONDS);
        } finally {
            harness.destroyForcibly();
        }
        long t0 = System.nanoTime();
        boolean gone = Await.until(() -> !namespaces().contains(name + "-"), 60_000, 200);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println("namespace cluster " + name + " of the SIGKILLed harness: " + (gone ? "removed " + ms
                + " ms after the SIGKILL" : "LEFT: " + namespaces()));
        if (!gone) {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "cluster", "down", "--name", name,
                    "--subnet", OwnHosts.layout(harness.pid(), 3).subnet()).inheritIO().start().waitFor(60,
                    TimeUnit.SECONDS);
        }
        assertTrue(gone, "namespaces of the SIGKILLed harness left: " + namespaces());
        CampaignProcessTest.assertNoProcessMentions(tmp); // etcd members (their data directories are in the run)
        CampaignProcessTest.assertNoProcessMentions(Path.of(name + "-h0"));
    }

    private static String namespaces() {
        try {
            CommandResult r = LocalHost.get().run(List.of("ip", "netns", "list"), null, 10_000);
            return r.output();
        } catch (HostException e) {
            throw new AssertionError(e);
        }
    }

    private static void skipUnless(boolean condition, String why) {
        if (!condition) {
            System.out.println("OwnHostsSigkillProcessTest skipped: " + why);
        }
        Assumptions.assumeTrue(condition, "skipped: " + why);
    }
}
