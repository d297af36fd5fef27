package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.LocalHost;
import dev.quorumbench.netns.NetnsCluster;
import dev.quorumbench.netns.NetnsLayout;
import dev.quorumbench.time.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the harness in the middle of a partition and of a SIGSTOP on the namespace cluster: no heal runs, no
 * shutdown hook runs, its SSH sessions die with it. Within window + grace every host is healed by its lease: node-0's
 * chain has no rule left and no process in node-1's namespace is stopped.
 */
@Tag("process")
class LeaseAfterHarnessKillProcessTest {

    private static final long WINDOW_MS = 1000;
    private static final long GRACE_MS = 8000;
    /** A lease's own start-up and the iptables or kill it runs, on a loaded 2-core machine. */
    private static final long SLACK_MS = 2000;

    @TempDir
    Path tmp;

    @Test
    void everyHostIsHealedByItsLeaseAfterTheHarnessIsKilled() throws Exception {
        Assumptions.assumeTrue(LocalHost.get().facts().root(), "skipped: a namespace cluster needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "skipped: openssh-server missing");
        Assumptions.assumeTrue(LocalHost.get().firewall().value().isPresent(), "skipped: no iptables");
        NetnsLayout layout = NetnsLayout.of("qbl", "10.213.93.0/24", 3);
        NetnsCluster netns = new NetnsCluster(layout, tmp.resolve("cluster"));
        Process harness = null;
        try {
            Path profile = netns.up();
            harness = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx96m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), LeaseOrphanMain.class.getName(), profile.toString(),
                    tmp.resolve("work").toString(), Long.toString(WINDOW_MS), Long.toString(GRACE_MS))
                    .redirectError(tmp.resolve("harness.err").toFile()).start();
            Process h = harness;
            String line = CompletableFuture.supplyAsync(() -> firstLine(h)).get(120, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("INJECTED "), "the harness injected: " + line + " "
                    + Files.readString(tmp.resolve("harness.err")));
            String[] f = line.split(" ");
            String chain = f[1];
            long node1 = Long.parseLong(f[2]);
            String h0 = layout.hostNamespace(0);
            String h1 = layout.hostNamespace(1);
            assertEquals(4, rules(h0, chain), "the partition holds");
            assertEquals(List.of(node1), stopped(h1), "node-1 is stopped");

            harness.destroyForcibly(); // SIGKILL: no heal, no shutdown hook
            long t0 = System.nanoTime();
            assertTrue(harness.waitFor(10, TimeUnit.SECONDS));
            boolean healed = Await.until(() -> rules(h0, chain) == 0 && stopped(h1).isEmpty(),
                    WINDOW_MS + GRACE_MS + SLACK_MS, 50);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(healed, "within window + grace every host is healed: rules " + rules(h0, chain) + ", stopped "
                    + stopped(h1));
            System.out.printf("harness SIGKILLed mid-partition and mid-SIGSTOP: the leases healed both hosts %d ms "
                    + "after the kill (window %d + grace %d ms from the inject)%n", ms, WINDOW_MS, GRACE_MS);
        } finally {
            if (harness != null) {
                harness.destroyForcibly();
            }
            netns.down();
        }
    }

    private static String firstLine(Process p) {
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            return r.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** The rules of {@code chain} in namespace {@code ns}, read with iptables there. */
    private static int rules(String ns, String chain) {
        try {
            return (int) LocalHost.get().run(List.of("ip", "netns", "exec", ns, "/usr/sbin/iptables", "-w", "-S", chain),
                    null, 5000).output().lines().filter(l -> l.startsWith("-A ")).count();
        } catch (Exception e) {
            return -1;
        }
    }

    /** The stopped processes in namespace {@code ns} (state T in /proc: the namespaces share this pid space). */
    private static List<Long> stopped(String ns) {
        List<Long> out = new ArrayList<>();
        try {
            for (String pid : LocalHost.get().run(List.of("ip", "netns", "pids", ns), null, 5000).output().lines()
                    .map(String::strip).filter(s -> s.matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(Path.of("/proc", pid, "stat"));
                    char state = stat.substring(stat.lastIndexOf(')') + 1).strip().charAt(0);
                    if (state == 'T') {
                        out.add(Long.parseLong(pid));
                    }
                } catch (IOException gone) {
                    // exited meanwhile
                }
            }
        } catch (Exception e) {
            out.add(-1L);
        }
        return out;
    }
}
