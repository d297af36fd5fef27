package dev.quorumbench.analysis;

import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import java.util.List;
import java.util.Map;

/**
 * The computed result of one fault class: outcome counts, convergence, losses, timings, mechanism, latency and
 * the pass verdict with its reasons.
 *
 * @param fault                the fault class
 * @param cyclesPlanned        cycles the campaign planned
 * @param cyclesDone           complete cycle records found
 * @param complete             every planned cycle recorded and both files whole
 * @param writes               Σ writes
 * @param ok                   Σ ok
 * @param quorumNotMet         Σ quorum_not_met
 * @param fail                 Σ fail
 * @param failDefinite         Σ fail_definite (no attempt can have taken effect); null unless every cycle has it
 * @param failIndeterminate    Σ fail_indeterminate (some attempt may have taken effect); null unless every cycle
 *                             has it
 * @param attempts             Σ attempts (a write and its retries)
 * @param convergenceBound     Σok / Σwrites; null when Σwrites = 0
 * @param replicaConvergence   Σ_cycles min_node accepted_present / Σaccepted over readable nodes (acked_present / ok
 *                             for lines without accepted counts); null when nothing was accepted
 * @param nodesUnreadable      (cycle, node) read-backs that could not read the node (acked_present −1)
 * @param lostAcknowledged     Σ lost_acknowledged
 * @param indeterminatePresent Σ indeterminate_present
 * @param inFlight             Σ in_flight over the cycles that recorded it: where the writes in flight at the fault
 *                             ended (on every node, some, none); null when no cycle recorded it
 * @param duplicates           Σ duplicates
 * @param cyclesConverged      cycles whose read-back found every acknowledged write everywhere in time
 * @param convergeMs           time to converge of the cycles that converged; null when none did
 * @param recoveryMs           recovery time of cycles that measured one (kill); null when none did
 * @param measuredSkewMs       measured skew of cycles that measured one (clock); null when none did
 * @param windows              the attested fault windows (control latency, held, seen by the store); null when no
 *                             cycle recorded one
 * @param mechanism            the declared mechanism (campaign.json), else the one the events report most
 * @param mechanismsSeen       mechanisms the cycles' fault events report, by name and status
 * @param cyclesNotInjected    cycles whose fault event is missing, not injected (simulated/unavailable) or never took effect
 * @param latencyMs            keys "all", "ok", "quorum_not_met", "fail" in that order
 * @param jmhCounts            JMH secondary metric scores for this class, null when jmh-result.json is missing
 * @param pass                 every criterion met
 * @param reasons              one human sentence per failed criterion, prefixed with the fault
 */
public record FaultSummary(
        FaultClass fault,
        int cyclesPlanned,
        int cyclesDone,
        boolean complete,
        long writes,
        long ok,
        long quorumNotMet,
        long fail,
        Long failDefinite,
        Long failIndeterminate,
        long attempts,
        Double convergenceBound,
        Double replicaConvergence,
        int nodesUnreadable,
        long lostAcknowledged,
        long indeterminatePresent,
        CycleRecord.InFlight inFlight,
        long duplicates,
        int cyclesConverged,
        SampleStats convergeMs,
        SampleStats recoveryMs,
        SampleStats measuredSkewMs,
        WindowStats windows,
        Mechanism mechanism,
        List<MechanismUse> mechanismsSeen,
        int cyclesNotInjected,
        Map<String, LatencyStats> latencyMs,
        Map<String, Double> jmhCounts,
        boolean pass,
        List<String> reasons) {

    /** Key of the all-outcomes entry of {@link #latencyMs()}. */
    public static final String ALL = "all";
}
