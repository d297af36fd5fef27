package dev.quorumbench.fault;

/**
 * How much earlier than the window's end a heal starts so that it is done at the end (pure): the median of the last
 * few heals' own durations (decision → revert done), capped so that a slow outlier never cuts the window by more
 * than a quarter. A window is attested by when its heal finished, so starting by the heal's typical cost keeps
 * confirmed → healed at the configured window instead of window + heal.
 */
final class HealLead {

    static final int SAMPLES = 5;
    static final long MAX_MS = 100;

    private final long[] recent = new long[SAMPLES];
    private int count;
    private int next;

    /** Records one heal's duration, decision to revert done. */
    synchronized void record(long healMs) {
        if (healMs < 0) {
            return;
        }
        recent[next] = healMs;
        next = (next + 1) % SAMPLES;
        count = Math.min(count + 1, SAMPLES);
    }

    /** The lead for a window of {@code windowMs}: 0 before any heal was recorded. */
    synchronized long leadMs(long windowMs) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = java.util.Arrays.copyOf(recent, count);
        java.util.Arrays.sort(sorted);
        long median = sorted[(count - 1) / 2];
        return Math.min(median, Math.min(MAX_MS, windowMs / 4));
    }
}
