package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClusterException;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code kill_primary_mid_write} by {@code sigkill}: SIGKILL of node-0's own JVM through its host, verified by the
 * host reporting its pid gone; heal restarts it on the same database and measures the time until it is healthy.
 */
final class KillPrimaryFault extends BoundFault {

    static final int NODE = 0;
    static final long GONE_TIMEOUT_MS = 2000;

    private final Cluster cluster;
    private volatile long killedPid = -1;
    private volatile long killedAtNanos;

    KillPrimaryFault(Mechanism mechanism, Cluster cluster) {
        // The window is 0: the primary is restarted at once, and writes retry until it is back.
        super(FaultClass.KILL_PRIMARY_MID_WRITE, mechanism, 0);
        this.cluster = cluster;
    }

    @Override
    public void inject() throws FaultException {
        long pid = cluster.pid(NODE);
        if (pid <= 0 || !cluster.isAlive(NODE)) {
            throw new FaultException("node-0 is not running, so it cannot be killed");
        }
        killedPid = pid;
        killedAtNanos = System.nanoTime();
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
        detail("SIGKILL pid " + pid + " (node-0)");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
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

    /** The {@code sigkill} mechanism: real on every host, since signalling a node is a verb every host offers. */
    static final class Kind implements MechanismKind {

        @Override
        public String name() {
            return "sigkill";
        }

        @Override
        public FaultClass faultClass() {
            return FaultClass.KILL_PRIMARY_MID_WRITE;
        }

        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            return new Mechanism(name(), MechanismStatus.REAL, null);
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            return new KillPrimaryFault(mechanism, cluster);
        }
    }
}
