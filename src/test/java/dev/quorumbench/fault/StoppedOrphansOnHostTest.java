package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.host.FakeHost;
import dev.quorumbench.host.ProcessState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An orphan is proved by the node's host, not by the machine the harness runs on: on a fake host whose pids are
 * above this machine's pid_max (so none of them runs here), a stopped node whose parent runs there is left alone, and
 * one whose parent is gone there is continued.
 */
class StoppedOrphansOnHostTest {

    @Test
    void theParentIsLookedUpOnTheNodesHost() {
        FakeHost host = new FakeHost(5_000_000_000L);
        long liveParent = host.spawn("java", "harness");
        long deadParent = host.spawn("java", "harness");
        host.setState(deadParent, ProcessState.GONE);
        long owned = host.spawn("java", "node", "serve", "--parent-pid", Long.toString(liveParent));
        long orphan = host.spawn("java", "node", "serve", "--parent-pid", Long.toString(deadParent));
        long noFlag = host.spawn("sleep", "60");
        for (long pid : List.of(owned, orphan, noFlag)) {
            host.setState(pid, ProcessState.STOPPED);
        }

        assertEquals(List.of(orphan), StoppedOrphans.continueAll(host));
        assertEquals(List.of("CONT " + orphan), host.signals());
        // This machine's pid table would call both parents gone (no pid above pid_max runs here).
        assertEquals(ProcessState.STOPPED, host.state(owned), "a live parent's pause is left alone");
        assertEquals(ProcessState.STOPPED, host.state(noFlag), "not a node of ours");
    }
}
