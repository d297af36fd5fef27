package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.host.Capability;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kills timed to the wire are real only where node-0's peer links run through the harness's proxies. */
class KillAtFanoutKindTest {

    private static final HostFacts BARE = new HostFacts(false, false, false, Capability.unavailable("none"),
            Optional.empty());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sigkill-at-fanout | true | real",
            "sigkill-at-fanout | false | unavailable",
            "sigkill-after-peer-ack | true | real",
            "sigkill-after-peer-ack | false | unavailable",
    })
    void realOnlyWhereThePeerLinksAreProxied(String name, boolean proxied, String status) {
        Mechanism m = FaultCatalog.resolve(FaultClass.KILL_PRIMARY_MID_WRITE, name, BARE,
                new TargetCapabilities(false, !proxied, proxied ? null : "the nodes run on hosts of their own"));
        assertEquals(name, m.name());
        assertEquals(status, m.status().key());
        assertEquals(proxied ? null : KillAtFanoutFault.Kind.NOT_PROXIED + ": the nodes run on hosts of their own",
                m.reason());
        // Asked for by name, an unavailable one is never swapped for the timer kill.
        assertEquals(m.status() == MechanismStatus.REAL, proxied);
    }
}
