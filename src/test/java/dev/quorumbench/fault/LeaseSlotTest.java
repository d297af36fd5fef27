package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.FakeHost;
import dev.quorumbench.host.HostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lease the heal could not end stays in the slot: the next inject ends it first, and fails while its host does not
 * answer, so an armed lease can never revert a later inject's fault early.
 */
class LeaseSlotTest {

    @Test
    void aLeaseThatCouldNotBeEndedIsEndedBeforeTheNextOneOrTheInjectFails() throws Exception {
        FakeHost host = new FakeHost();
        LeaseSlot slot = new LeaseSlot();
        HostLease first = slot.renew(host, "drop_random_acks", List.of("kill", "-CONT", "7"), 15_000);

        host.loseRuns(true);
        assertFalse(slot.end(), "the host did not answer: not known to have fired");
        assertThrows(HostException.class, () -> slot.renew(host, "drop_random_acks", List.of("kill", "-CONT", "7"),
                15_000), "the next inject cannot end the armed lease, so it must not start");

        host.loseRuns(false);
        host.calls.clear();
        HostLease second = slot.renew(host, "drop_random_acks", List.of("kill", "-CONT", "7"), 15_000);
        assertEquals("run sh -c if rm \"$1\" 2>/dev/null; then pkill -KILL -P \"$2\"; kill -KILL \"$2\" 2>/dev/null; "
                + "echo armed; fi; true qb-lease-end " + first.token() + " " + first.pid(), host.calls.get(0),
                "the stale lease is ended first");
        assertFalse(first.token().equals(second.token()), "each inject has its own token");
        assertTrue(slot.end(), "the fake host prints no 'armed': the lease had fired");
    }
}
