package dev.quorumbench.fault;

/**
 * How much earlier than the window's end a heal starts so that it is done at the end (pure): the median of the last
 * few heals' lateness (from the hold's planned end to the revert done: the heal's own cost plus the hold's
 * oversleep), capped so that the window is never cut by more than 100 ms or a quarter. A window is attested by when
 * its heal finished, so starting by the heal's typical lateness keeps confirmed → healed at the configured window
 * instead of window + heal.
 */
final class HealLead {

    static final int SAMPLES = 5;
    static final long MAX_MS = 100;

    private final long[] recent = new long[SAMPLES];
    private int count;
    private int next;

    /**
     * A heal later than this was not started by the hold's end (a heal called by hand, a cycle's timeout backstop),
     * or met a stall no lead can absorb: it says nothing about the heal's usual cost.
     */
    static final long IGNORED_ABOVE_MS = 1000;

    /** Records one heal's lateness; a heal done early (negative) counts as on time. */
    synchronized void record(long lateMs) {
        if (lateMs > IGNORED_ABOVE_MS) {
            return;
        }
        recent[next] = Math.max(0, lateMs);
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
