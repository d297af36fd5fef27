package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.host.FakeFirewall;
import dev.quorumbench.host.FakeHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain a dead fork left is removed; the chain of a running harness is kept. */
class AbandonedChainsTest {

    @Test
    void removesOnlyTheChainsOfDeadOwners() throws Exception {
        FakeHost host = new FakeHost();
        FakeFirewall fw = host.fakeFirewall();
        String live = "QB-" + ProcessHandle.current().pid();
        fw.leave("QB-3999990"); // no such pid: a SIGKILLed fork's chain
        fw.leave(live);
        fw.leave("OTHER");

        assertEquals(List.of("QB-3999990"), AbandonedChains.sweep(host));
        assertEquals(List.of(live, "OTHER").stream().sorted().toList(), fw.chains().stream().sorted().toList());
    }
}
