package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The partition chain's name, owner and rules, as text (pure). */
class PartitionChainTest {

    @Test
    void dropRulesCutEachPortBothWays() {
        assertEquals(List.of(
                "-A QB-0a1b2c3d-42 -p tcp --dport 1001 -j DROP",
                "-A QB-0a1b2c3d-42 -p tcp --sport 1001 -j DROP",
                "-A QB-0a1b2c3d-42 -p tcp --dport 1002 -j DROP",
                "-A QB-0a1b2c3d-42 -p tcp --sport 1002 -j DROP"), PartitionChain.of("0a1b2c3d", 42).dropRules(List.of(1001, 1002)));
        assertThrows(IllegalArgumentException.class, () -> PartitionChain.of("0a1b2c3d", 42).dropRules(List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new PartitionChain("DOCKER"));
    }

    @ParameterizedTest
    @CsvSource({"QB-0a1b2c3d-4242, 0a1b2c3d, 4242", "QB-ffffffff-1, ffffffff, 1", "QB-0a1b2c3d-, -, -1",
            "QB-4242, -, -1", "DOCKER, -, -1", "QB-0a1b2c3d-12x, -, -1", "xQB-0a1b2c3d-12, -, -1",
            "QB-0A1B2C3D-12, -, -1", "QB-0a1b2c3-12, -, -1"})
    void chainsAreOursOnlyWhenNamedQbMachinePid(String chain, String machine, long pid) {
        assertEquals(pid < 0 ? Optional.empty() : Optional.of(new PartitionChain.Owner(machine, pid)),
                PartitionChain.ownerOf(chain));
    }

    @Test
    void onlyAChainOfAHarnessOnThisMachineThatIsGoneIsAbandoned() {
        String here = dev.quorumbench.host.HarnessProcess.machine();
        String elsewhere = here.equals("00000000") ? "00000001" : "00000000";
        assertTrue(PartitionChain.abandoned("QB-" + here + "-3999990"), "no such pid on this machine");
        assertFalse(PartitionChain.abandoned("QB-" + elsewhere + "-3999990"),
                "a harness on another machine cannot be proven gone from here");
        assertFalse(PartitionChain.abandoned(PartitionChain.ofThisHarness().name()), "this harness runs");
        assertFalse(PartitionChain.abandoned("QB-3999990"), "the old pid-only name: no machine, never touched");
        assertFalse(PartitionChain.abandoned("DOCKER"), "not ours: never touched");
        assertTrue(PartitionChain.ofThisHarness().name().length() <= 28, "iptables limits chain names to 28");
    }

    @Test
    void betweenHostsTheRulesDropEachPeerAddressBothWays() {
        assertEquals(List.of("-A QB-0a1b2c3d-42 -s 10.213.77.11 -j DROP", "-A QB-0a1b2c3d-42 -d 10.213.77.11 -j DROP",
                "-A QB-0a1b2c3d-42 -s 10.213.77.12 -j DROP", "-A QB-0a1b2c3d-42 -d 10.213.77.12 -j DROP"),
                PartitionChain.of("0a1b2c3d", 42).dropAddressRules(List.of("10.213.77.11", "10.213.77.12")));
        assertThrows(IllegalArgumentException.class, () -> PartitionChain.of("0a1b2c3d", 42).dropAddressRules(List.of("a -j ACCEPT")));
    }
}
