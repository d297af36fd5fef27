package dev.quorumbench.fault;

import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.FaultWindow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a fault once: inject, hold it for its window (counted from the moment the fault was confirmed on its host,
 * so the window is the time it was known in place, not the time it took to apply; heal starts early by the
 * fault's {@link BoundFault#healLeadMs() lead}, so that it is done when the window ends), heal in {@code finally}, and
 * return the {@link FaultEvent} that records what really happened, with its attested {@link FaultWindow}. Never
 * throws for a fault failure.
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
        BoundFault marked = fault instanceof BoundFault b ? b : null;
        if (marked != null) {
            marked.clearMarks();
        }
        long t0 = System.currentTimeMillis();
        long t0Nanos = System.nanoTime();
        long confirmedNanos = 0;
        long healReturnedNanos = 0;
        try {
            fault.inject();
            confirmedNanos = System.nanoTime();
            if (marked != null && marked.marks()[0] != 0) {
                confirmedNanos = marked.marks()[0];
            }
            startMs = t0;
            hold(confirmedNanos, fault.windowMs() - (marked == null ? 0 : marked.healLeadMs()));
        } catch (FaultException | RuntimeException e) {
            injectError = oneLine(e);
        } finally {
            try {
                measurements.putAll(fault.heal());
                healReturnedNanos = System.nanoTime();
            } catch (FaultException | RuntimeException e) {
                healError = oneLine(e);
                measurements.put(FaultEvent.HEAL_FAILED, 1L);
            }
        }
        long endMs = startMs == 0 ? 0 : System.currentTimeMillis();
        FaultWindow window = window(t0, t0Nanos, startMs == 0 ? 0 : confirmedNanos, healReturnedNanos,
                marked == null ? new long[3] : marked.marks());
        String detail = fault instanceof BoundFault b ? b.detail() : fault.mechanism().name();
        if (injectError != null) {
            detail = "inject failed: " + injectError;
        }
        if (healError != null) {
            detail += "; heal failed: " + healError;
        }
        FaultEvent event = new FaultEvent(fault.mechanism().name(), fault.mechanism().status(), startMs, endMs,
                detail, Map.copyOf(measurements), window);
        return new FaultOutcome(event, injectError, healError);
    }

    /**
     * The attested window (pure): nanoTime marks turned into wall-clock ms through the one pair ({@code t0Ms},
     * {@code t0Nanos}) read at apply start; a mark the fault did not set falls back to heal's return; 0 stays 0.
     *
     * @param marks the fault's own marks: confirmed, reverted, first probe ok (0 = not set)
     */
    static FaultWindow window(long t0Ms, long t0Nanos, long confirmedNanos, long healReturnedNanos, long[] marks) {
        long reverted = marks[1] != 0 ? marks[1] : healReturnedNanos;
        long probeOk = marks[2] != 0 ? marks[2] : healReturnedNanos;
        if (healReturnedNanos == 0) {
            // heal failed: nothing after it is attested
            reverted = 0;
            probeOk = 0;
        }
        return new FaultWindow(t0Ms, wall(t0Ms, t0Nanos, confirmedNanos), wall(t0Ms, t0Nanos, reverted),
                wall(t0Ms, t0Nanos, probeOk));
    }

    private static long wall(long t0Ms, long t0Nanos, long nanos) {
        return nanos == 0 ? 0 : t0Ms + Math.round((nanos - t0Nanos) / 1_000_000.0);
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
