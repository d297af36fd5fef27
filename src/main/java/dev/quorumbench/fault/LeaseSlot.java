package dev.quorumbench.fault;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import java.util.List;

/**
 * The {@link HostLease} of a fault's current inject. A lease the last heal could not end (its host did not answer)
 * is still armed and would revert the next inject early, so it is ended before a new one starts, or the inject fails.
 */
final class LeaseSlot {

    private volatile HostLease lease;

    /** Ends a lease left armed, then starts a new one; returns it. */
    HostLease renew(Host host, String fault, List<String> revert, long afterMs) throws HostException {
        HostLease stale = lease;
        if (stale != null) {
            stale.end();
            lease = null;
        }
        lease = HostLease.start(host, fault, revert, afterMs);
        return lease;
    }

    /**
     * Ends the current lease, after the heal itself reverted the fault; true when the lease had fired first. A lease
     * whose host cannot be asked is kept for {@link #renew} (the heal already reverted; only the next inject is at risk).
     */
    boolean end() {
        HostLease l = lease;
        if (l == null) {
            return false;
        }
        try {
            boolean armed = l.end();
            lease = null;
            return !armed;
        } catch (HostException e) {
            return false;
        }
    }
}
