package dev.quorumbench.node;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's wall clock: the system clock plus a cooperative offset (set through the admin endpoint when the
 * harness cannot use libfaketime). It stamps created_at/updated_at, health time and wall-clock sync.
 */
public final class NodeClock {
    private final AtomicLong offsetMs = new AtomicLong();

    public long nowMs() {
        return System.currentTimeMillis() + offsetMs.get();
    }

    public long offsetMs() {
        return offsetMs.get();
    }

    public void setOffsetMs(long offset) {
        offsetMs.set(offset);
    }
}
