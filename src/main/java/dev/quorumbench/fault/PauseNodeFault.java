package dev.quorumbench.fault;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;

import dev.quorumbench.cluster.Cluster;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code drop_random_acks} by {@code sigstop}: SIGSTOP of node-1 (verified: state {@code T} in /proc), held for the
 * window, then SIGCONT (verified: no longer {@code T}). The kernel still accepts connections for a stopped
 * process, so this delays node-1's acks rather than dropping them.
 */
final class PauseNodeFault extends BoundFault {

    static final int NODE = 1;
    private static final long STATE_TIMEOUT_MS = 1000;

    private final Cluster cluster;
    private volatile long stoppedPid = -1;
    private volatile long stoppedAtNanos;

    PauseNodeFault(Mechanism mechanism, Cluster cluster, long windowMs) {
        super(FaultClass.DROP_RANDOM_ACKS, mechanism, windowMs);
        this.cluster = cluster;
    }

    /**
     * Binds the fault: first continues nodes a crashed harness left stopped, and makes sure this harness's exit
     * (normal, SIGINT, SIGTERM) continues the node it may have stopped.
     */
    static PauseNodeFault bind(Mechanism mechanism, Cluster cluster, long windowMs) {
        StoppedOrphans.continueAll();
        PauseNodeFault fault = new PauseNodeFault(mechanism, cluster, windowMs);
        Runtime.getRuntime().addShutdownHook(new Thread(fault::continueOnExit, "sigcont-on-exit"));
        return fault;
    }

    private void continueOnExit() {
        long pid = stoppedPid;
        if (pid > 0 && !Signals.isGone(pid)) {
            try {
                Signals.cont(pid);
            } catch (FaultException e) {
                // exiting: nobody to tell; the next harness's orphan sweep continues it
            }
        }
    }

    @Override
    public void inject() throws FaultException {
        long pid = cluster.pid(NODE);
        if (pid <= 0) {
            throw new FaultException("node-1 is not running, so it cannot be stopped");
        }
        // Remembered before the signal so heal continues it even if the stop half-failed.
        stoppedPid = pid;
        stoppedAtNanos = System.nanoTime();
        Signals.stop(pid);
        if (!Signals.awaitState(pid, s -> s.isPresent() && s.get() == 'T', STATE_TIMEOUT_MS)) {
            throw new FaultException("node-1 pid " + pid + " is not stopped after SIGSTOP (state "
                    + Signals.state(pid).map(String::valueOf).orElse("gone") + ")");
        }
        detail("SIGSTOP pid " + pid + " (node-1)");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
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
            if (Signals.isGone(pid)) {
                continue;
            }
            try {
                Signals.cont(pid);
            } catch (FaultException e) {
                if (!Signals.isGone(pid)) {
                    failure = e;
                }
                continue;
            }
            if (!Signals.awaitState(pid, s -> s.isEmpty() || s.get() != 'T', STATE_TIMEOUT_MS)) {
                Optional<Character> s = Signals.state(pid);
                failure = new FaultException("node-1 pid " + pid + " still stopped after SIGCONT (state " + s + ")");
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (stopped <= 0) {
            return Map.of();
        }
        stoppedPid = -1;
        return Map.of("paused_ms", (System.nanoTime() - stoppedAtNanos) / 1_000_000L);
    }
}
