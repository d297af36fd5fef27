package dev.quorumbench.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.host.SshHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The namespace cluster for real (root): up, a command over SSH in each host, isolation (each host sees only its own
 * link and the cluster's /24, reaches its peers, reaches nothing else; the machine's firewall is unchanged), and a
 * down that leaves nothing; a failure half-way through up removes what it built.
 */
@Tag("process")
class NetnsClusterProcessTest {

    @TempDir
    Path tmp;

    static void assumeRoot() {
        Assumptions.assumeTrue("0".equals(uidOfThisProcess()), "skipped: a namespace cluster needs root");
        for (Path p : List.of(Path.of(NetnsPlan.IP), NetnsCluster.SSHD, SshKeys.KEYGEN)) {
            Assumptions.assumeTrue(Files.isExecutable(p), "skipped: " + p + " missing (iproute2, openssh-server)");
        }
    }

    @Test
    void upGivesThreeIsolatedHostsReachableOverSshAndDownLeavesNothing() throws Exception {
        assumeRoot();
        NetnsLayout layout = NetnsLayout.of("qbt", "10.213.78.0/24", 3);
        Path dir = tmp.resolve("qbt");
        NetnsCluster cluster = new NetnsCluster(layout, dir);
        try {
            Path profile = cluster.up();
            assertTrue(Files.isRegularFile(profile));
            assertTrue(cluster.status().stream().allMatch(HostStatus::up), cluster.status().toString());
            for (int i = 0; i < 3; i++) {
                try (SshHost h = new SshHost(cluster.endpoint(i), NetnsCluster.javaHere(), 5000).connect()) {
                    CommandResult links = h.run(List.of("ip", "-o", "link"), null, 3000);
                    assertEquals(2, links.output().lines().count(), "only lo and eth0: " + links.output());
                    assertTrue(h.run(List.of("ip", "-4", "-o", "addr", "show", "dev", "eth0"), null, 3000).output()
                            .contains(" " + layout.hostAddress(i) + "/24"));
                    int peer = (i + 1) % 3;
                    assertTrue(h.run(List.of("bash", "-c", "echo > /dev/tcp/" + layout.hostAddress(peer) + "/22"), null,
                            3000).ok(), "host " + i + " reaches host " + peer);
                    CommandResult outside = h.run(List.of("ip", "route", "get", "198.51.100.1"), null, 3000);
                    assertFalse(outside.ok(), "no route out of the cluster: " + outside.output());
                }
            }
            // Other harnesses on this machine may add their own chains meanwhile: only ours must be absent.
            String firewall = machine(List.of("iptables", "-S"));
            assertFalse(firewall.contains(layout.prefix() + ".") || firewall.contains(layout.name() + "-"),
                    "the machine's firewall has no rule of the cluster: " + firewall);
        } finally {
            // As "cluster up --dir X" then "cluster down" without --dir: the pointer leads down to X's keys.
            new NetnsCluster(layout, null).down();
        }
        assertNothingLeft(layout, dir);
        assertFalse(Files.exists(ClusterFiles.pointer(ClusterFiles.tmp(), layout.name())), "the pointer went too");
        assertTrue(cluster.down().isEmpty(), "down is idempotent");
    }

    @Test
    void aFailureHalfWayThroughUpRemovesWhatItBuilt() throws Exception {
        assumeRoot();
        NetnsLayout layout = NetnsLayout.of("qbu", "10.213.79.0/24", 3);
        Path dir = tmp.resolve("qbu");
        // A device with the root veth's name makes the last step of up fail, after namespaces and sshds exist.
        machine(List.of("ip", "link", "add", layout.rootDevice(), "type", "veth", "peer", "name", "qbu-peer"));
        NetnsCluster cluster = new NetnsCluster(layout, dir);
        try {
            NetnsException e = assertThrows(NetnsException.class, cluster::up);
            assertTrue(e.getMessage().contains(layout.rootDevice()), e.getMessage());
            assertNothingLeft(layout, dir);
        } finally {
            cluster.down();
            LocalHost.get().run(List.of("ip", "link", "del", layout.rootDevice()), null, 3000);
        }
    }

    private static void assertNothingLeft(NetnsLayout layout, Path dir) throws Exception {
        String namespaces = machine(List.of("ip", "netns", "list"));
        assertFalse(namespaces.contains(layout.name() + "-"), "no namespace left: " + namespaces);
        assertFalse(Files.exists(dir), "keys and configs deleted");
        CommandResult sshd = LocalHost.get().run(List.of("pgrep", "-f", dir.toString()), null, 3000);
        assertFalse(sshd.ok(), "no sshd left: " + sshd.output());
    }

    private static String machine(List<String> argv) throws Exception {
        CommandResult r = LocalHost.get().run(argv, null, 5000);
        assertTrue(r.ok(), argv + ": " + r.output());
        return r.output();
    }

    private static String uidOfThisProcess() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
