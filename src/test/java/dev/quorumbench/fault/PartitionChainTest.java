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
                "-A QB-42 -p tcp --dport 1001 -j DROP",
                "-A QB-42 -p tcp --sport 1001 -j DROP",
                "-A QB-42 -p tcp --dport 1002 -j DROP",
                "-A QB-42 -p tcp --sport 1002 -j DROP"), PartitionChain.of(42).dropRules(List.of(1001, 1002)));
        assertThrows(IllegalArgumentException.class, () -> PartitionChain.of(42).dropRules(List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new PartitionChain("DOCKER"));
    }

    @ParameterizedTest
    @CsvSource({"QB-4242, 4242", "QB-1, 1", "QB-, -1", "DOCKER, -1", "QB-12x, -1", "xQB-12, -1"})
    void chainsAreOursOnlyWhenNamedQbPid(String chain, long pid) {
        assertEquals(pid < 0 ? Optional.empty() : Optional.of(pid), PartitionChain.ownerOf(chain));
    }

    @Test
    void onlyAChainOfAHarnessThatIsGoneIsAbandoned() {
        assertTrue(PartitionChain.abandoned("QB-3999990"), "no such pid on this machine");
        assertFalse(PartitionChain.abandoned(PartitionChain.ofThisHarness().name()), "this harness runs");
        assertFalse(PartitionChain.abandoned("DOCKER"), "not ours: never touched");
    }

    @Test
    void betweenHostsTheRulesDropEachPeerAddressBothWays() {
        assertEquals(List.of("-A QB-42 -s 10.213.77.11 -j DROP", "-A QB-42 -d 10.213.77.11 -j DROP",
                "-A QB-42 -s 10.213.77.12 -j DROP", "-A QB-42 -d 10.213.77.12 -j DROP"),
                PartitionChain.of(42).dropAddressRules(List.of("10.213.77.11", "10.213.77.12")));
        assertThrows(IllegalArgumentException.class, () -> PartitionChain.of(42).dropAddressRules(List.of("a -j ACCEPT")));
    }
}
