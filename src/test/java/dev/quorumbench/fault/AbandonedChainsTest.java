package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.host.FakeFirewall;
import dev.quorumbench.host.FakeHost;
import dev.quorumbench.host.HarnessProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain a dead fork left is removed; the chain of a running harness is kept. */
class AbandonedChainsTest {

    @Test
    void removesOnlyTheChainsOfDeadOwners() throws Exception {
        FakeHost host = new FakeHost();
        FakeFirewall fw = host.fakeFirewall();
        String live = PartitionChain.ofThisHarness().name();
        String dead = PartitionChain.of(HarnessProcess.machine(), 3_999_990).name(); // a SIGKILLed fork's chain
        String elsewhere = PartitionChain.of("0000abcd", 3_999_990).name(); // another machine's: not provably gone
        fw.leave(dead);
        fw.leave(live);
        fw.leave(elsewhere);
        fw.leave("OTHER");

        assertEquals(List.of(dead), AbandonedChains.sweep(host));
        assertEquals(List.of(live, elsewhere, "OTHER").stream().sorted().toList(),
                fw.chains().stream().sorted().toList());
    }
}
