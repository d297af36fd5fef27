package dev.quorumbench.fault;

import dev.quorumbench.run.FaultEvent;

/**
 * The result of one inject–window–heal run: the event to record, and what went wrong, if anything.
 *
 * @param event       the fault record (start_ms 0 when the fault never took effect)
 * @param injectError why inject failed, or null
 * @param healError   why heal failed, or null (the cluster may not be back to normal)
 */
public record FaultOutcome(FaultEvent event, String injectError, String healError) {

    /** True when the fault really took effect (real or cooperative) and was verified; never for a simulated one. */
    public boolean injected() {
        return injectError == null && event.startMs() > 0 && event.status().injected();
    }

    /** True when heal restored the cluster and verified it. */
    public boolean healed() {
        return healError == null;
    }
}
