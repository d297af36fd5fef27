package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The local host's iptables firewall with real rules (root only): a chain jumped to from lo, a batch of DROP rules
 * that really stops connections to a loopback port, flush, removal without leftovers, and the sweep.
 */
@Tag("process")
class IptablesTest {

    /** Chains named like the harness's but with pids no process can have here. */
    private static final String DEAD = "QB-3999990";
    private static final String LIVE = "QB-3999991";

    private Firewall firewall;

    @BeforeEach
    void assumeIptables() {
        Capability<Firewall> c = LocalHost.get().firewall();
        Assumptions.assumeTrue(c.value().isPresent(), "iptables unusable here: " + c.reason().orElse(""));
        firewall = c.value().get();
    }

    @AfterEach
    void removeChains() throws Exception {
        if (firewall != null) {
            firewall.removeChain(DEAD);
            firewall.removeChain(LIVE);
        }
    }

    @Test
    void rulesCutALoopbackPortAndLeaveNothingBehind() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            assertTrue(connects(port), "reachable before the rules");
            firewall.ensureChain(LIVE, "lo");
            firewall.ensureChain(LIVE, "lo"); // idempotent: still one jump in INPUT and one in OUTPUT
            assertEquals(2, jumps(LIVE));

            long before = epochNanos();
            java.util.OptionalLong in = firewall.apply(List.of("-A " + LIVE + " -p tcp --dport " + port + " -j DROP",
                    "-A " + LIVE + " -p tcp --sport " + port + " -j DROP"));
            long after = epochNanos();
            // The host's clock is this machine's here: the stamp must fall inside the call.
            assertTrue(in.isPresent() && in.getAsLong() >= before && in.getAsLong() <= after, in + " not in ["
                    + before + ", " + after + "]");
            assertEquals(2, firewall.rules(LIVE).size());
            assertFalse(connects(port), "DROP: the SYN is never answered");

            firewall.flush(LIVE);
            assertTrue(firewall.rules(LIVE).isEmpty());
            assertTrue(connects(port), "reachable again after flush");

            firewall.apply(List.of("-A " + LIVE + " -p tcp --dport " + port + " -j DROP"));
            try (Firewall.ArmedFlush armed = firewall.armFlush(LIVE, 5000)) {
                assertEquals(1, firewall.rules(LIVE).size(), "armed, not yet flushed");
                before = epochNanos();
                java.util.OptionalLong out = armed.fire();
                after = epochNanos();
                assertTrue(out.isPresent() && out.getAsLong() >= before && out.getAsLong() <= after, String.valueOf(out));
            }
            assertTrue(firewall.rules(LIVE).isEmpty(), "fired: flushed");
        } finally {
            firewall.removeChain(LIVE);
        }
        assertFalse(firewall.exists(LIVE), "chain deleted");
        assertEquals(0, jumps(LIVE), "no jump left in INPUT or OUTPUT");
    }

    @Test
    void aBatchWithABadRuleAddsNoneOfIt() throws Exception {
        firewall.ensureChain(LIVE, "lo");
        HostException e = assertThrows(HostException.class, () -> firewall.apply(List.of(
                "-A " + LIVE + " -p tcp --dport 65001 -j DROP", "-A " + LIVE + " -p tcp --dport nonsense -j DROP")));
        assertTrue(e.getMessage().startsWith("iptables could not add 2 rules"), e.getMessage());
        assertTrue(firewall.rules(LIVE).isEmpty(), "all or nothing");
    }

    @Test
    void sweepRemovesOnlyTheChainsItIsToldAreAbandoned() throws Exception {
        firewall.ensureChain(DEAD, "lo");
        firewall.apply(List.of("-A " + DEAD + " -p tcp --dport 65000 -j DROP"));
        firewall.ensureChain(LIVE, "lo");
        List<String> removed = firewall.sweep(DEAD::equals);
        assertEquals(List.of(DEAD), removed);
        assertFalse(firewall.exists(DEAD));
        assertEquals(0, jumps(DEAD));
        assertTrue(firewall.exists(LIVE), "a chain not called abandoned stays");
    }

    private static long jumps(String chain) throws HostException {
        CommandResult r = LocalHost.get().run(List.of(Iptables.BINARY.toString(), "-w", "2", "-S"), null, 5000);
        return r.output().lines().filter(l -> l.endsWith("-j " + chain)).count();
    }

    private static boolean connects(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
