package dev.quorumbench.fault;

import dev.quorumbench.run.FaultEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a fault once: inject, hold it for its window (counted from the start of inject), heal in {@code finally},
 * and return the {@link FaultEvent} that records what really happened. Never throws for a fault failure.
 */
public final class FaultCycle {

    private FaultCycle() {
    }

    /**
     * Injects {@code fault}, keeps it for {@link Fault#windowMs()}, and always heals it, even after a failed
     * inject or an interrupt (the interrupt flag is kept).
     */
    public static FaultOutcome run(Fault fault) {
        long startMs = 0;
        String injectError = null;
        String healError = null;
        Map<String, Long> measurements = new LinkedHashMap<>();
        long t0 = System.currentTimeMillis();
        long t0Nanos = System.nanoTime();
        try {
            fault.inject();
            startMs = t0;
            hold(t0Nanos, fault.windowMs());
        } catch (FaultException | RuntimeException e) {
            injectError = oneLine(e);
        } finally {
            try {
                measurements.putAll(fault.heal());
            } catch (FaultException | RuntimeException e) {
                healError = oneLine(e);
                measurements.put(FaultEvent.HEAL_FAILED, 1L);
            }
        }
        long endMs = startMs == 0 ? 0 : System.currentTimeMillis();
        String detail = fault instanceof BoundFault b ? b.detail() : fault.mechanism().name();
        if (injectError != null) {
            detail = "inject failed: " + injectError;
        }
        if (healError != null) {
            detail += "; heal failed: " + healError;
        }
        FaultEvent event = new FaultEvent(fault.mechanism().name(), fault.mechanism().status(), startMs, endMs,
                detail, Map.copyOf(measurements));
        return new FaultOutcome(event, injectError, healError);
    }

    private static void hold(long t0Nanos, long windowMs) {
        long untilNanos = t0Nanos + windowMs * 1_000_000L;
        long leftNanos;
        while ((leftNanos = untilNanos - System.nanoTime()) > 0) {
            try {
                Thread.sleep(leftNanos / 1_000_000L, (int) (leftNanos % 1_000_000L));
            } catch (InterruptedException e) {
                // Heal now; whoever interrupted still sees the flag.
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return (e instanceof FaultException ? "" : e.getClass().getSimpleName() + ": ")
                + (m == null ? "" : m.replace('\n', ' '));
    }
}
