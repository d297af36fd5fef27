package dev.quorumbench.bench;

import dev.quorumbench.fault.Fault;
import dev.quorumbench.fault.FaultCycle;
import dev.quorumbench.fault.FaultEvent;
import dev.quorumbench.fault.FaultException;
import dev.quorumbench.fault.MechanismStatus;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fires a cycle's fault on its own thread ({@link FaultCycle}: inject, hold, always heal), so writes keep flowing
 * (and retrying) while the fault is in place, and bounds how long the cycle waits for it.
 */
final class FaultTrigger implements AutoCloseable {

    private final Fault fault;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quorumbench-fault");
        t.setDaemon(true);
        return t;
    });
    private Future<FaultEvent> pending;

    FaultTrigger(Fault fault) {
        this.fault = fault;
    }

    /** Starts the fault now, unless this cycle's fault already fired. */
    synchronized void fire() {
        if (pending == null) {
            pending = thread.submit(this::injectHoldHeal);
        }
    }

    synchronized boolean fired() {
        return pending != null;
    }

    /**
     * Waits for this cycle's fault to be healed and returns its record; null when it never fired.
     * If the fault thread is stuck past the deadline, heals from here so no fault outlives its cycle.
     */
    synchronized FaultEvent awaitHealed(long deadlineMs) {
        if (pending == null) {
            return null;
        }
        Future<FaultEvent> f = pending;
        pending = null;
        try {
            return f.get(deadlineMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            String healError = healQuietly();
            return new FaultEvent(fault.mechanism().name(), MechanismStatus.UNAVAILABLE, 0, System.currentTimeMillis(),
                    "fault did not finish within " + deadlineMs + " ms; healed by the harness" + healError, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            healQuietly();
            return null;
        } catch (Exception e) {
            healQuietly();
            return new FaultEvent(fault.mechanism().name(), MechanismStatus.UNAVAILABLE, 0, System.currentTimeMillis(),
                    "fault thread failed: " + e.getMessage(), Map.of());
        }
    }

    private FaultEvent injectHoldHeal() {
        return FaultCycle.run(fault).event();
    }

    private String healQuietly() {
        try {
            fault.heal();
            return "";
        } catch (FaultException | RuntimeException e) {
            return "; heal failed: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        healQuietly();
        thread.shutdownNow();
    }
}
