package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The attested window of one fault firing, wall-clock epoch milliseconds, each 0 when it did not happen: what the
 * store really saw, as opposed to the configured window. TCP retransmission backoff, for one, keeps a healed
 * partition in effect for the store's open connections after the rules are gone.
 *
 * @param applyStartMs   the harness decided and began to apply the fault
 * @param confirmedMs    the fault was confirmed in place on its host (rules in, process stopped, skew measured)
 * @param healedMs       the heal's revert was done on the host (chain flushed, SIGCONT verified, offset back at +0)
 * @param firstProbeOkMs the first probe after the heal succeeded (links connect again, node healthy, no skew left)
 */
@JsonPropertyOrder({"apply_start_ms", "confirmed_ms", "healed_ms", "first_probe_ok_ms"})
public record FaultWindow(
        @JsonProperty("apply_start_ms") long applyStartMs,
        @JsonProperty("confirmed_ms") long confirmedMs,
        @JsonProperty("healed_ms") long healedMs,
        @JsonProperty("first_probe_ok_ms") long firstProbeOkMs) {

    /** Decision to confirmation on the host (the control latency), or null when it was never confirmed. */
    @JsonIgnore
    public Long controlMs() {
        return applyStartMs > 0 && confirmedMs > 0 ? confirmedMs - applyStartMs : null;
    }

    /** Confirmed to healed: how long the fault was known in place, or null when either is missing. */
    @JsonIgnore
    public Long heldMs() {
        return confirmedMs > 0 && healedMs > 0 ? healedMs - confirmedMs : null;
    }

    /**
     * Apply start to the first good probe after heal: the longest the store can have seen the fault, or null when
     * either is missing.
     */
    @JsonIgnore
    public Long seenMs() {
        return applyStartMs > 0 && firstProbeOkMs > 0 ? firstProbeOkMs - applyStartMs : null;
    }
}
