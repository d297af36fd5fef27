package dev.quorumbench.time;

import java.util.function.BooleanSupplier;

/**
 * The one poll loop of the harness: checks a condition until it holds or a deadline passes, pausing between
 * checks. Every wait for a process state, a clock, a port or a converged read-back goes through it, so every
 * wait has a deadline and an interrupt ends it at once (with the interrupt flag kept).
 */
public final class Await {

    private Await() {
    }

    /**
     * Checks {@code condition} at once and then every {@code pollMs} until it holds (true) or {@code timeoutMs}
     * passed (false). The last check happens at or after the deadline, so a condition that became true just in
     * time is not missed. An interrupt ends the wait with one last check.
     */
    public static boolean until(BooleanSupplier condition, long timeoutMs, long pollMs) {
        if (timeoutMs < 0 || pollMs < 0) {
            throw new IllegalArgumentException("timeoutMs and pollMs must be >= 0, were " + timeoutMs + ", " + pollMs);
        }
        Deadline deadline = Deadline.in(timeoutMs);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (deadline.passed()) {
                return false;
            }
            if (!sleep(Math.min(pollMs, Math.max(1, deadline.leftMs())))) {
                return condition.getAsBoolean();
            }
        }
    }

    /** Sleeps {@code ms}; false (flag kept) when interrupted. */
    public static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
