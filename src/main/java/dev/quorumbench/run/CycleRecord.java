package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One line of {@code phase4-<fault>.jsonl}: everything one measured cycle produced.
 *
 * <p>Counts: {@code ok + quorumNotMet + fail == writes}. {@code fail} splits into {@code failDefinite} (the store
 * said no, or nothing was sent, on every attempt: Jepsen's :fail) and {@code failIndeterminate} (some attempt may
 * have taken effect: :info); both are null on lines written before the split.
 * {@code ackedPresent.get(n)} is how many of the cycle's acknowledged ids node n listed at the end of read-back ({@code -1} when node n could not be read).
 * {@code duplicates} counts ids a node listed more than once and {@code foreign} rows a node listed in this cycle's
 * namespace that are none of the cycle's writes (another namespace leaking through the filter, or invented);
 * both are store defects. {@code foreign} is null on lines written before it was counted.
 * {@code latencyOverRange} counts this cycle's write latencies (any outcome) above the histograms' 60 s range,
 * recorded at 60 s; null when there were none.
 * {@code lostIds} are acknowledged ids missing from at least one readable node at the read-back deadline.
 * {@code inFlight} says where the writes that were in flight at the fault ended (null on lines written before it).
 * {@code accepted} counts acknowledged writes plus indeterminate writes some node kept (a 503 keeps the local write);
 * {@code acceptedPresent.get(n)} is how many of those node n lists (-1 when unreadable), the source document's
 * "surviving count on each peer".
 * Latencies are microseconds of acknowledged writes in this cycle, measured from each write's intended start.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"cycle", "fault", "schedule", "writes", "ok", "quorum_not_met", "fail", "fail_definite",
        "fail_indeterminate", "attempts",
        "acked_present", "lost_acknowledged", "lost_ids", "indeterminate_present", "in_flight", "accepted", "accepted_present",
        "duplicates", "foreign",
        "converged", "converge_ms", "recovery_ms", "measured_skew_ms", "fault_event", "cycle_start_ms",
        "cycle_end_ms", "latency_ok_us", "latency_over_range"})
public record CycleRecord(
        @JsonProperty("cycle") int cycle,
        @JsonProperty("fault") FaultClass fault,
        @JsonProperty("schedule") Schedule.Mode schedule,
        @JsonProperty("writes") int writes,
        @JsonProperty("ok") int ok,
        @JsonProperty("quorum_not_met") int quorumNotMet,
        @JsonProperty("fail") int fail,
        @JsonProperty("fail_definite") Integer failDefinite,
        @JsonProperty("fail_indeterminate") Integer failIndeterminate,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("acked_present") List<Integer> ackedPresent,
        @JsonProperty("lost_acknowledged") int lostAcknowledged,
        @JsonProperty("lost_ids") List<String> lostIds,
        @JsonProperty("indeterminate_present") int indeterminatePresent,
        @JsonProperty("in_flight") InFlight inFlight,
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
        @JsonProperty("latency_ok_us") LatencySummary latencyOkUs,
        @JsonProperty("foreign") Integer foreign,
        @JsonProperty("latency_over_range") Long latencyOverRange) {

    /** A record without in-flight counts or the count of latencies above the histogram range (lines written before them). */
    public CycleRecord(int cycle, FaultClass fault, Schedule.Mode schedule, int writes, int ok, int quorumNotMet, int fail,
                       Integer failDefinite, Integer failIndeterminate, int attempts, List<Integer> ackedPresent,
                       int lostAcknowledged, List<String> lostIds, int indeterminatePresent, int accepted,
                       List<Integer> acceptedPresent, int duplicates, boolean converged, long convergeMs, Long recoveryMs,
                       Long measuredSkewMs, FaultEvent faultEvent, long cycleStartMs, long cycleEndMs,
                       LatencySummary latencyOkUs, Integer foreign) {
        this(cycle, fault, schedule, writes, ok, quorumNotMet, fail, failDefinite, failIndeterminate, attempts,
                ackedPresent, lostAcknowledged, lostIds, indeterminatePresent, null, accepted, acceptedPresent,
                duplicates, converged, convergeMs, recoveryMs, measuredSkewMs, faultEvent, cycleStartMs, cycleEndMs,
                latencyOkUs, foreign, null);
    }

    /** A record without in-flight counts, foreign rows or over-range latencies (as lines written before them; fixtures). */
    public CycleRecord(int cycle, FaultClass fault, Schedule.Mode schedule, int writes, int ok, int quorumNotMet, int fail,
                       Integer failDefinite, Integer failIndeterminate, int attempts, List<Integer> ackedPresent,
                       int lostAcknowledged, List<String> lostIds, int indeterminatePresent, int accepted,
                       List<Integer> acceptedPresent, int duplicates, boolean converged, long convergeMs,
                       Long recoveryMs, Long measuredSkewMs, FaultEvent faultEvent, long cycleStartMs, long cycleEndMs,
                       LatencySummary latencyOkUs) {
        this(cycle, fault, schedule, writes, ok, quorumNotMet, fail, failDefinite, failIndeterminate, attempts,
                ackedPresent, lostAcknowledged, lostIds, indeterminatePresent, null, accepted, acceptedPresent,
                duplicates, converged, convergeMs, recoveryMs, measuredSkewMs, faultEvent, cycleStartMs, cycleEndMs,
                latencyOkUs, null, null);
    }

    /** A record without the split of {@code fail} (as lines written before it; analysis fixtures). */
    public CycleRecord(int cycle, FaultClass fault, Schedule.Mode schedule, int writes, int ok, int quorumNotMet, int fail,
                       int attempts, List<Integer> ackedPresent, int lostAcknowledged, List<String> lostIds,
                       int indeterminatePresent, int accepted, List<Integer> acceptedPresent, int duplicates,
                       boolean converged, long convergeMs, Long recoveryMs, Long measuredSkewMs, FaultEvent faultEvent,
                       long cycleStartMs, long cycleEndMs, LatencySummary latencyOkUs) {
        this(cycle, fault, schedule, writes, ok, quorumNotMet, fail, null, null, attempts, ackedPresent,
                lostAcknowledged, lostIds, indeterminatePresent, null, accepted, acceptedPresent, duplicates, converged,
                convergeMs, recoveryMs, measuredSkewMs, faultEvent, cycleStartMs, cycleEndMs, latencyOkUs, null, null);
    }

    /**
     * Where the writes that were in flight at the fault ended after heal and read-back. A write was in flight when
     * one of its attempts got no definite answer (a reset, a timeout, a 5xx, quorum_not_met): the client cannot know
     * whether that attempt took effect, whatever its later retries got.
     *
     * @param writes how many writes of the cycle were in flight
     * @param onAll  of those, listed by every node
     * @param onSome listed by some readable node but not by every node
     * @param onNone listed by no readable node
     */
    @JsonPropertyOrder({"writes", "on_all", "on_some", "on_none"})
    public record InFlight(
            @JsonProperty("writes") int writes,
            @JsonProperty("on_all") int onAll,
            @JsonProperty("on_some") int onSome,
            @JsonProperty("on_none") int onNone) {

        public static final InFlight NONE = new InFlight(0, 0, 0, 0);

        /** The sum of this and {@code other}, for totals over cycles. */
        public InFlight plus(InFlight other) {
            return new InFlight(writes + other.writes, onAll + other.onAll, onSome + other.onSome,
                    onNone + other.onNone);
        }
    }

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
