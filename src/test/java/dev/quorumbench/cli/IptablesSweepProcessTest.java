package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.HarnessProcess;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.time.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real iptables partition ({@code --mechanism partition_minority=iptables}) whose JMH fork is SIGKILLed while its
 * DROP rules are in place: the main process removes the dead fork's chain when JMH returns. SIGKILL of the main
 * process instead: the fork's watchdog exits and its shutdown hook heals and removes the chain.
 */
@Tag("process")
class IptablesSweepProcessTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "SIGKILL of the {0} mid-partition")
    @ValueSource(strings = {"fork", "main"})
    @Timeout(180)
    void noChainOutlivesTheHarness(String victim) throws Exception {
        boolean usable = LocalHost.get().facts().root() && LocalHost.get().firewall().value().isPresent();
        if (!usable) {
            System.out.println("IptablesSweepProcessTest skipped: needs root and a working iptables ("
                    + LocalHost.get().firewall().reason().orElse("not root") + ")");
        }
        Assumptions.assumeTrue(usable, "needs root and iptables");
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path log = tmp.resolve("harness.log");
        Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--campaign-id", "iptables-" + victim, "--runs-dir", runs.toString(),
                "--target", Path.of("src", "test", "resources", "targets", "kv-unwatched.json").toString(),
                "--faults", "partition_minority", "--mechanism", "partition_minority=iptables",
                "--cycles", "3", "--writes", "6", "--warmup-cycles", "0", "--fault-window-ms", "3000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String chain = null;
        ProcessHandle fork = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                assertTrue(harness.isAlive(), "the harness ended before a partition: " + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, "no DROP rule within 120 s: " + Files.readString(log));
                Optional<ProcessHandle> f = harness.descendants()
                        .filter(p -> cmdline(p.pid()).contains("jmh.runner.ForkedMain")).findFirst();
                if (f.isPresent()) {
                    fork = f.get();
                    chain = "QB-" + HarnessProcess.machine() + "-" + fork.pid();
                    if (rules(chain).contains("DROP")) {
                        break;
                    }
                }
                Thread.sleep(50);
            }
            (victim.equals("fork") ? fork : harness.toHandle()).destroyForcibly(); // SIGKILL mid-partition
            assertTrue(harness.waitFor(90, TimeUnit.SECONDS), "the main process did not end");
            ProcessHandle theFork = fork;
            assertTrue(Await.until(() -> !theFork.isAlive(), 10_000, 50), "the fork outlived its harness");
        } finally {
            harness.descendants().forEach(ProcessHandle::destroyForcibly);
            harness.destroyForcibly();
        }
        String c = chain;
        boolean removed = Await.until(() -> !allRules().contains(c), 10_000, 100);
        System.out.println("SIGKILL of the " + victim + " mid-partition: chain " + c + (removed ? " removed" : " LEFT")
                + "; harness said: " + Files.readAllLines(log).stream().filter(l -> l.contains("chain")).toList());
        if (!removed) {
            LocalHost.get().run(List.of("sh", "-c", "iptables -w -D INPUT -j " + c + "; iptables -w -D OUTPUT -j " + c
                    + "; iptables -w -F " + c + "; iptables -w -X " + c), null, 10_000);
        }
        assertTrue(removed, "chain " + c + " outlived the harness");
        CampaignProcessTest.assertNoProcessMentions(tmp);
    }

    /** From /proc: ProcessHandle.Info drops the arguments of long command lines. */
    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String rules(String chain) throws HostException {
        CommandResult r = LocalHost.get().run(List.of("iptables", "-w", "-S", chain), null, 10_000);
        return r.ok() ? r.output() : "";
    }

    private static String allRules() {
        try {
            CommandResult r = LocalHost.get().run(List.of("iptables", "-w", "-S"), null, 10_000);
            assertEquals(0, r.exit(), r.output());
            return r.output();
        } catch (HostException e) {
            throw new AssertionError(e);
        }
    }
}
