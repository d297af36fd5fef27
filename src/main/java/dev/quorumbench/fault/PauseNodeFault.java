package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code drop_random_acks} by {@code sigstop}: SIGSTOP of node-1 through its host (verified: the host reports it
 * stopped), held for the window, then SIGCONT (verified: no longer stopped). The kernel still accepts connections
 * for a stopped process, so this delays node-1's acks rather than dropping them.
 *
 * <p>Before the SIGSTOP a {@link HostLease} starts on node-1's host that SIGCONTs the pid at window + grace unless
 * heal ends it first, so a harness that dies or loses its network mid-pause leaves no frozen node behind.
 */
final class PauseNodeFault extends BoundFault {

    static final int NODE = 1;
    static final long STATE_TIMEOUT_MS = 1000;
    private static final Set<ProcessState> NOT_STOPPED = Set.of(ProcessState.RUNNING, ProcessState.GONE);

    private final Cluster cluster;
    private final long graceMs;
    private final LeaseSlot lease = new LeaseSlot();
    private volatile long stoppedPid = -1;
    private volatile long stoppedAtNanos;

    PauseNodeFault(Mechanism mechanism, Cluster cluster, long windowMs, long graceMs) {
        super(FaultClass.DROP_RANDOM_ACKS, mechanism, windowMs);
        this.cluster = cluster;
        this.graceMs = graceMs;
    }

    /**
     * Binds the fault: first continues nodes a crashed harness left stopped on node-1's host, and makes sure this
     * harness's exit (normal, SIGINT, SIGTERM) continues the node it may have stopped.
     */
    static PauseNodeFault bind(Mechanism mechanism, Cluster cluster, long windowMs) {
        return bind(mechanism, cluster, windowMs, HostLease.DEFAULT_GRACE_MS);
    }

    /** As {@link #bind(Mechanism, Cluster, long)}, with the lease's grace given (tests). */
    static PauseNodeFault bind(Mechanism mechanism, Cluster cluster, long windowMs, long graceMs) {
        StoppedOrphans.continueAll(cluster.host(NODE));
        PauseNodeFault fault = new PauseNodeFault(mechanism, cluster, windowMs, graceMs);
        Runtime.getRuntime().addShutdownHook(new Thread(fault::continueOnExit, "sigcont-on-exit"));
        return fault;
    }

    private void continueOnExit() {
        long pid = stoppedPid;
        if (pid > 0) {
            try {
                cluster.host(NODE).signal(pid, Signal.CONT);
            } catch (HostException | RuntimeException e) {
                // exiting: nobody to tell; the node is gone already or the next harness's orphan sweep continues it
            }
        }
    }

    @Override
    public void inject() throws FaultException {
        long pid = cluster.pid(NODE);
        if (pid <= 0) {
            throw new FaultException("node-1 is not running, so it cannot be stopped");
        }
        Host host = cluster.host(NODE);
        HostLease started;
        try {
            // The lease first: there is never a stopped node and no one on the host to continue it.
            started = lease.renew(host, FaultClass.DROP_RANDOM_ACKS.key(), List.of("kill", "-CONT",
                    Long.toString(pid)), windowMs() + graceMs);
        } catch (HostException e) {
            throw new FaultException("cannot start the lease on " + host.name() + ": " + e.getMessage(), e);
        }
        // Remembered before the signal so heal continues it even if the stop half-failed.
        stoppedPid = pid;
        stoppedAtNanos = System.nanoTime();
        try {
            host.signal(pid, Signal.STOP);
            if (!host.awaitState(pid, Set.of(ProcessState.STOPPED), STATE_TIMEOUT_MS)) {
                throw new FaultException("node-1 pid " + pid + " is not stopped after SIGSTOP (state "
                        + host.state(pid) + ")");
            }
            confirmed();
        } catch (HostException e) {
            throw new FaultException("SIGSTOP of node-1 (pid " + pid + ") failed: " + e.getMessage(), e);
        }
        detail("SIGSTOP pid " + pid + " (node-1) on " + host.name() + " (lease pid " + started.pid() + " continues it at "
                + (windowMs() + graceMs) + " ms)");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        Host host = cluster.host(NODE);
        Set<Long> pids = new LinkedHashSet<>();
        long stopped = stoppedPid;
        if (stopped > 0) {
            pids.add(stopped);
        }
        long current = cluster.pid(NODE);
        if (current > 0) {
            pids.add(current);
        }
        FaultException failure = null;
        for (long pid : pids) {
            try {
                if (host.state(pid) == ProcessState.GONE) {
                    continue;
                }
                host.signal(pid, Signal.CONT);
                if (!host.awaitState(pid, NOT_STOPPED, STATE_TIMEOUT_MS)) {
                    failure = new FaultException("node-1 pid " + pid + " still stopped after SIGCONT");
                }
            } catch (HostException e) {
                if (!isGone(host, pid)) {
                    failure = new FaultException("SIGCONT of node-1 (pid " + pid + ") failed: " + e.getMessage(), e);
                }
            }
        }
        if (failure != null) {
            throw failure; // the lease stays armed: it is what still continues the node
        }
        reverted(); // every pid of node-1 verified not stopped
        boolean leaseFired = lease.end();
        if (stopped <= 0) {
            return Map.of();
        }
        stoppedPid = -1;
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("paused_ms", (System.nanoTime() - stoppedAtNanos) / 1_000_000L);
        if (leaseFired) {
            m.put(HostLease.FIRED, 1L);
        }
        return m;
    }


    private static boolean isGone(Host host, long pid) {
        try {
            return host.state(pid) == ProcessState.GONE;
        } catch (HostException e) {
            return false;
        }
    }

    /** The {@code sigstop} mechanism: real where the host sends SIGSTOP and reports process states to verify it. */
    static final class Kind implements MechanismKind {

        @Override
        public String name() {
            return "sigstop";
        }

        @Override
        public FaultClass faultClass() {
            return FaultClass.DROP_RANDOM_ACKS;
        }

        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            return facts.signals() && facts.procfs()
                    ? new Mechanism(name(), MechanismStatus.REAL, null)
                    : new Mechanism(name(), MechanismStatus.UNAVAILABLE,
                            "needs a host that sends SIGSTOP and reads process states to verify it");
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            return PauseNodeFault.bind(mechanism, cluster, context.options().windowMs());
        }
    }
}
