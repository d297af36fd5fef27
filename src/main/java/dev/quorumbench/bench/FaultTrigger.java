package dev.quorumbench.bench;

import dev.quorumbench.fault.Fault;
import dev.quorumbench.fault.FaultEvent;
import dev.quorumbench.fault.FaultException;
import dev.quorumbench.fault.MechanismStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fires a cycle's fault on its own thread, so writes keep flowing (and retrying) while the fault is in place:
 * inject, hold the window, heal — heal always, also when inject failed — and record what really happened.
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
        MechanismStatus status = fault.mechanism().status();
        long start = 0;
        String detail = fault.mechanism().name() + " on " + fault.name();
        Map<String, Long> measurements = new HashMap<>();
        try {
            if (status.injected()) {
                fault.inject();
                start = System.currentTimeMillis();
                if (fault.windowMs() > 0) {
                    Thread.sleep(fault.windowMs());
                }
            } else {
                // Nothing happens to the federation: the record keeps the intent and says so.
                start = System.currentTimeMillis();
                detail = "not injected (" + status.key() + "): " + fault.mechanism().reason();
            }
        } catch (FaultException e) {
            status = MechanismStatus.UNAVAILABLE;
            start = 0;
            detail = "inject failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Map<String, Long> healed = fault.heal();
                if (healed != null) {
                    measurements.putAll(healed);
                }
            } catch (FaultException | RuntimeException e) {
                detail = detail + "; heal failed: " + e.getMessage();
                measurements.put("heal_failed", 1L);
            }
        }
        return new FaultEvent(fault.mechanism().name(), status, start, System.currentTimeMillis(), detail,
                Map.copyOf(measurements));
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
