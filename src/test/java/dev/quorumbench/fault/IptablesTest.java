package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The harness's iptables chain: rules as text, and real rules on the ports of fake link proxies (root only). */
class IptablesTest {

    @Test
    void dropRulesCutEachPortBothWays() {
        assertEquals(List.of(
                "-A QB-42 -p tcp --dport 1001 -j DROP",
                "-A QB-42 -p tcp --sport 1001 -j DROP",
                "-A QB-42 -p tcp --dport 1002 -j DROP",
                "-A QB-42 -p tcp --sport 1002 -j DROP"), Iptables.dropRules("QB-42", List.of(1001, 1002)));
        assertThrows(IllegalArgumentException.class, () -> Iptables.dropRules("QB-42", List.of(0)));
    }

    @ParameterizedTest
    @CsvSource({"QB-4242, 4242", "QB-1, 1", "QB-, -1", "DOCKER, -1", "QB-12x, -1", "xQB-12, -1"})
    void chainsAreOursOnlyWhenNamedQbPid(String chain, long pid) {
        assertEquals(pid < 0 ? Optional.empty() : Optional.of(pid), Iptables.pidOfChain(chain));
    }

    @Test
    void rulesCutTheFakeProxyPortsAndLeaveNothingBehind() throws Exception {
        assumeIptables();
        Iptables ipt = Iptables.forThisProcess();
        try (FakeLinks links = new FakeLinks(3)) {
            List<Integer> node0 = List.of(links.port(0, 1), links.port(1, 0), links.port(0, 2), links.port(2, 0));
            List<Integer> others = List.of(links.port(1, 2), links.port(2, 1));
            ipt.install();
            ipt.install(); // idempotent: still one jump in INPUT and one in OUTPUT
            assertEquals(2, jumps(ipt.chain()));

            ipt.drop(node0);
            assertEquals(8, ipt.rules().size());
            assertTrue(LinkProbe.probe(node0, 150).values().stream().allMatch(LinkProbe.Answer::cut),
                    "node-0's links are cut");
            assertTrue(LinkProbe.awaitForwarding(others, 2000).isEmpty(), "node-1↔node-2 still talk");

            ipt.flush();
            assertTrue(ipt.rules().isEmpty());
            assertTrue(LinkProbe.awaitForwarding(node0, 2000).isEmpty(), "forwarding restored after flush");
        } finally {
            ipt.remove();
        }
        assertFalse(ipt.exists(), "chain deleted");
        assertEquals(0, jumps(ipt.chain()), "no jump left in INPUT or OUTPUT");
    }

    @Test
    void sweepRemovesTheChainOfADeadHarness() throws Exception {
        assumeIptables();
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        long deadPid = p.pid();
        Assumptions.assumeFalse(ProcessHandle.of(deadPid).isPresent(), "pid was reused at once");
        Iptables dead = new Iptables(Iptables.BINARY, Iptables.chainFor(deadPid));
        try {
            dead.install();
            dead.drop(List.of(65000));
            assertTrue(dead.exists());
            List<String> removed = Iptables.sweepDead();
            assertTrue(removed.contains(dead.chain()), removed.toString());
            assertFalse(dead.exists());
            assertEquals(0, jumps(dead.chain()));
        } finally {
            dead.remove();
        }
    }

    @Test
    void sweepKeepsTheChainOfALiveHarness() throws Exception {
        assumeIptables();
        Iptables mine = Iptables.forThisProcess();
        try {
            mine.install();
            Iptables.sweepDead();
            assertTrue(mine.exists());
        } finally {
            mine.remove();
        }
    }

    private static long jumps(String chain) throws FaultException {
        Exec.Result r = Exec.run(List.of(Iptables.BINARY.toString(), "-w", "2", "-S"), null, 5000);
        return r.output().lines().filter(l -> l.endsWith("-j " + chain)).count();
    }

    private static void assumeIptables() {
        String problem = Iptables.problem("0".equals(HostFacts.uid()));
        Assumptions.assumeTrue(problem == null, "iptables unusable here: " + problem);
    }

}
