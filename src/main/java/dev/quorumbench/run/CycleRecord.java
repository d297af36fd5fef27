package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One line of {@code phase4-<fault>.jsonl}: everything one measured cycle produced.
 *
 * <p>Counts: {@code ok + quorumNotMet + fail == writes}. {@code ackedPresent.get(n)} is how many of the cycle's
 * acknowledged ids node n listed at the end of read-back ({@code -1} when node n could not be read).
 * {@code lostIds} are acknowledged ids missing from at least one readable node at the read-back deadline.
 * {@code accepted} counts acknowledged writes plus indeterminate writes some node kept (a 503 keeps the local write);
 * {@code acceptedPresent.get(n)} is how many of those node n lists (-1 when unreadable), the source document's
 * "surviving count on each peer".
 * Latencies are microseconds of acknowledged writes in this cycle, measured from each write's intended start.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"cycle", "fault", "schedule", "writes", "ok", "quorum_not_met", "fail", "attempts",
        "acked_present", "lost_acknowledged", "lost_ids", "indeterminate_present", "accepted", "accepted_present",
        "duplicates",
        "converged", "converge_ms", "recovery_ms", "measured_skew_ms", "fault_event", "cycle_start_ms",
        "cycle_end_ms", "latency_ok_us"})
public record CycleRecord(
        @JsonProperty("cycle") int cycle,
        @JsonProperty("fault") FaultClass fault,
        @JsonProperty("schedule") Schedule.Mode schedule,
        @JsonProperty("writes") int writes,
        @JsonProperty("ok") int ok,
        @JsonProperty("quorum_not_met") int quorumNotMet,
        @JsonProperty("fail") int fail,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("acked_present") List<Integer> ackedPresent,
        @JsonProperty("lost_acknowledged") int lostAcknowledged,
        @JsonProperty("lost_ids") List<String> lostIds,
        @JsonProperty("indeterminate_present") int indeterminatePresent,
        @JsonProperty("accepted") int accepted,
        @JsonProperty("accepted_present") List<Integer> acceptedPresent,
        @JsonProperty("duplicates") int duplicates,
        @JsonProperty("converged") boolean converged,
        @JsonProperty("converge_ms") long convergeMs,
        @JsonProperty("recovery_ms") Long recoveryMs,
        @JsonProperty("measured_skew_ms") Long measuredSkewMs,
        @JsonProperty("fault_event") FaultEvent faultEvent,
        @JsonProperty("cycle_start_ms") long cycleStartMs,
        @JsonProperty("cycle_end_ms") long cycleEndMs,
        @JsonProperty("latency_ok_us") LatencySummary latencyOkUs) {

    /** Percentiles of one cycle's acknowledged-write latency, microseconds. */
    @JsonPropertyOrder({"count", "p50", "p90", "p99", "p999", "max"})
    public record LatencySummary(
            @JsonProperty("count") long count,
            @JsonProperty("p50") long p50,
            @JsonProperty("p90") long p90,
            @JsonProperty("p99") long p99,
            @JsonProperty("p999") long p999,
            @JsonProperty("max") long max) {
    }
}
