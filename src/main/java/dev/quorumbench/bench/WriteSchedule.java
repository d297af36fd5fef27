package dev.quorumbench.bench;

/**
 * When each write of a cycle is meant to start: right away (closed loop, as the source harness) or on a fixed
 * rate (open loop), where latency counts from the intended start so a stall is not hidden by coordinated omission.
 */
record WriteSchedule(Double ratePerS) {

    boolean openLoop() {
        return ratePerS != null;
    }

    /** Intended start of write {@code n} (1-based) of a cycle that started at {@code cycleStartNanos} (pure). */
    long intendedStartNanos(long cycleStartNanos, int n, long nowNanos) {
        if (ratePerS == null) {
            return nowNanos;
        }
        return cycleStartNanos + Math.round((n - 1) * 1e9 / ratePerS);
    }
}
