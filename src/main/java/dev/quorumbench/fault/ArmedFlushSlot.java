package dev.quorumbench.fault;

import dev.quorumbench.host.Firewall;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The heal flush a partition armed at inject, handed to exactly one taker: the fault thread's heal and a timed-out
 * cycle's backstop heal can both reach for it, and an armed flush fires at most once (a second fire throws), so a
 * read-then-clear would let both fire it and record a spurious {@code heal_failed}.
 */
final class ArmedFlushSlot {

    private final AtomicReference<Firewall.ArmedFlush> armed = new AtomicReference<>();

    /** Puts {@code flush} in the slot; one left there (an inject without a heal in between) is closed unfired. */
    void put(Firewall.ArmedFlush flush) {
        Firewall.ArmedFlush stale = armed.getAndSet(flush);
        if (stale != null) {
            stale.close();
        }
    }

    /** Takes the armed flush out, or null when there is none or another caller took it first. */
    Firewall.ArmedFlush take() {
        return armed.getAndSet(null);
    }
}
