package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClusterException;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one SIGKILL of node-0 every kill mechanism shares: through the cluster and its host, verified by the host
 * reporting the pid gone, and the restart on the same database that heals it, with what that measured.
 */
final class PrimaryKill {

    static final int NODE = 0;
    static final long GONE_TIMEOUT_MS = 2000;

    private final Cluster cluster;
    private volatile long killedPid = -1;
    private volatile long killedAtNanos;

    PrimaryKill(Cluster cluster) {
        this.cluster = cluster;
    }

    /** node-0's pid, failing when it is not running (nothing to kill). */
    long runningPid() throws FaultException {
        long pid = cluster.pid(NODE);
        if (pid <= 0 || !cluster.isAlive(NODE)) {
            throw new FaultException("node-0 is not running, so it cannot be killed");
        }
        return pid;
    }

    /** SIGKILL of node-0 ({@code pid}) and its children, then verified from the host; returns the pid. */
    long kill(long pid) throws FaultException {
        killedPid = pid;
        killedAtNanos = System.nanoTime();
        return killAndVerify(pid);
    }

    /**
     * The first half of {@link #kill}, for a kill timed to the wire: SIGKILL of node-0's own pid straight through
     * its host (microseconds; the cluster's kill looks up the node's children first, which this skips: a child of
     * a wrapper shell would be orphaned, not killed). Returns
     * {@link System#nanoTime()} just after the signal was delivered: from then on node-0 runs no code. Safe to call
     * from a link proxy's thread; {@link #finishKill} must follow on the fault thread.
     */
    long signal(long pid) throws FaultException {
        killedPid = pid;
        killedAtNanos = System.nanoTime();
        try {
            cluster.host(NODE).signal(pid, Signal.KILL);
        } catch (HostException e) {
            throw new FaultException("SIGKILL of node-0 (pid " + pid + ") failed: " + e.getMessage(), e);
        }
        return System.nanoTime();
    }

    /** The second half: the cluster's kill (children, if any, and reaping) and the check that the pid is gone. */
    void finishKill(long pid) throws FaultException {
        killAndVerify(pid);
    }

    private long killAndVerify(long pid) throws FaultException {
        try {
            // The cluster's kill: SIGKILL of the node's own process and its children, through the node's host.
            cluster.kill(NODE);
        } catch (ClusterException e) {
            throw new FaultException("SIGKILL of node-0 (pid " + pid + ") failed: " + e.getMessage(), e);
        }
        // Verify from the host, not from the cluster's bookkeeping: the pid itself must be gone.
        boolean gone;
        try {
            gone = cluster.host(NODE).awaitState(pid, Set.of(ProcessState.GONE), GONE_TIMEOUT_MS);
        } catch (HostException e) {
            throw new FaultException("cannot verify SIGKILL of node-0 (pid " + pid + "): " + e.getMessage(), e);
        }
        if (!gone || cluster.isAlive(NODE)) {
            throw new FaultException("node-0 pid " + pid + " still runs after SIGKILL");
        }
        return pid;
    }

    /** Restarts node-0 if it is down and returns recovery_ms, downtime_ms and killed_pid (empty when it ran). */
    Map<String, Long> restart() throws FaultException {
        if (cluster.isAlive(NODE)) {
            return Map.of();
        }
        long recoveryMs;
        try {
            recoveryMs = cluster.restart(NODE);
        } catch (ClusterException e) {
            throw new FaultException("restart of node-0 failed: " + e.getMessage(), e);
        }
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("recovery_ms", recoveryMs);
        if (killedPid > 0) {
            m.put("downtime_ms", (System.nanoTime() - killedAtNanos) / 1_000_000L);
            m.put("killed_pid", killedPid);
            killedPid = -1;
        }
        return m;
    }
}
