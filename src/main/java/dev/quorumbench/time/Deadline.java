package dev.quorumbench.time;

import java.util.concurrent.TimeUnit;

/** A point on the monotonic clock after which a wait gives up (immutable). */
public final class Deadline {

    private final long atNanos;

    private Deadline(long atNanos) {
        this.atNanos = atNanos;
    }

    /** The deadline {@code ms} from now. */
    public static Deadline in(long ms) {
        return new Deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** The deadline at {@code nanos} on {@link System#nanoTime()}'s clock. */
    public static Deadline atNanos(long nanos) {
        return new Deadline(nanos);
    }

    public boolean passed() {
        return System.nanoTime() - atNanos >= 0;
    }

    /** Milliseconds left, 0 once passed. */
    public long leftMs() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(atNanos - System.nanoTime()));
    }

    public long atNanos() {
        return atNanos;
    }
}
