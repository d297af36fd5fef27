package dev.quorumbench.bench;

import dev.quorumbench.fault.Fault;
import dev.quorumbench.fault.FaultCycle;
import dev.quorumbench.fault.FaultException;
import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.MechanismStatus;
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
    private ExecutorService thread = newThread();
    private Future<FaultEvent> pending;

    /** How long close() and a timed-out cycle wait for the fault thread to finish what it is doing. */
    private static final long STOP_WAIT_MS = 30_000;

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
            stop(f);
            String healError = healQuietly();
            return new FaultEvent(fault.mechanism().name(), MechanismStatus.UNAVAILABLE, 0, System.currentTimeMillis(),
                    "fault did not finish within " + deadlineMs + " ms; healed by the harness" + healError,
                    healError.isEmpty() ? Map.of() : Map.of(FaultEvent.HEAL_FAILED, 1L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            healQuietly();
            return null;
        } catch (Exception e) {
            String healError = healQuietly();
            return new FaultEvent(fault.mechanism().name(), MechanismStatus.UNAVAILABLE, 0, System.currentTimeMillis(),
                    "fault thread failed: " + e.getMessage() + healError,
                    healError.isEmpty() ? Map.of() : Map.of(FaultEvent.HEAL_FAILED, 1L));
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

    /** Interrupts a fault still running and waits (bounded) until its thread is done, so no inject lands later. */
    private void stop(Future<FaultEvent> f) {
        f.cancel(true);
        thread.shutdownNow();
        try {
            thread.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = newThread(); // the next cycle gets a fresh fault thread
    }

    private static ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quorumbench-fault");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void close() {
        if (pending != null) {
            stop(pending);
            pending = null;
        }
        thread.shutdownNow();
        healQuietly();
    }
}
