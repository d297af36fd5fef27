package dev.quorumbench.analysis;

import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.FaultWindow;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.RunFiles;
import dev.quorumbench.run.Thresholds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Pure computation of one fault class's {@link FaultSummary} from its cycle records and merged latency
 * histograms: counts, the two convergence fractions, losses, timings, mechanism honesty, and the verdict.
 *
 * <p>A null convergence value (no writes, or no accepted writes) never passes: a class that kept nothing has
 * shown nothing about convergence.
 */
public final class FaultAnalysis {

    private FaultAnalysis() {
    }

    /**
     * The facts about a fault class that do not come from its cycle records.
     *
     * @param fault          the fault class
     * @param cyclesPlanned  measured cycles the campaign planned
     * @param thresholds     the pass criteria
     * @param declared       the mechanism campaign.json declares for it, or null
     * @param jsonlTruncated its JSONL's last line was cut off
     * @param hlogMissing    its .hlog is missing although cycles were recorded
     * @param hlogTruncated  its .hlog's last interval was cut off
     * @param jmhCounts      JMH secondary scores, or null
     */
    public record Context(FaultClass fault, int cyclesPlanned, Thresholds thresholds, Mechanism declared,
                          boolean jsonlTruncated, boolean hlogMissing, boolean hlogTruncated,
                          Map<String, Double> jmhCounts) {
    }

    /** Summarizes {@code cycles} (latency histograms in microseconds, keyed by outcome). */
    public static FaultSummary summarize(Context ctx, List<CycleRecord> cycles, Map<Outcome, Histogram> latencyUs) {
        FaultClass f = ctx.fault();
        long writes = 0;
        long ok = 0;
        long qnm = 0;
        long fail = 0;
        long failDefinite = 0;
        long failIndeterminate = 0;
        boolean failSplit = !cycles.isEmpty(); // only when every cycle split its failures (older lines did not)
        long attempts = 0;
        long minPresentSum = 0;
        int unreadable = 0;
        long lost = 0;
        long indeterminate = 0;
        CycleRecord.InFlight inFlight = null;
        long duplicates = 0;
        long foreign = 0;
        long overRange = 0;
        int converged = 0;
        int notInjected = 0;
        long accepted = 0;
        int notHealed = 0;
        List<Long> convergeMs = new ArrayList<>();
        List<Long> recoveryMs = new ArrayList<>();
        List<FaultWindow> windows = new ArrayList<>();
        List<Long> skewMs = new ArrayList<>();
        Map<String, int[]> seen = new TreeMap<>();
        Map<String, MechanismStatus> seenStatus = new TreeMap<>();
        List<String> reasons = new ArrayList<>();
        List<Integer> inconsistent = new ArrayList<>();
        List<Integer> splitInconsistent = new ArrayList<>();
        for (CycleRecord c : cycles) {
            writes += c.writes();
            ok += c.ok();
            qnm += c.quorumNotMet();
            fail += c.fail();
            if (c.failDefinite() != null && c.failIndeterminate() != null) {
                failDefinite += c.failDefinite();
                failIndeterminate += c.failIndeterminate();
                if (c.failDefinite() + c.failIndeterminate() != c.fail()) {
                    splitInconsistent.add(c.cycle());
                }
            } else {
                failSplit = false;
            }
            attempts += c.attempts();
            if (c.ok() + c.quorumNotMet() + c.fail() != c.writes()) {
                inconsistent.add(c.cycle());
            }
            // Replicas are counted over accepted writes (acknowledged + indeterminate ones a node kept), the source
            // document's "surviving count on each peer ... of the accepted writes"; older lines have only acked.
            List<Integer> perNode = c.acceptedPresent() != null ? c.acceptedPresent() : c.ackedPresent();
            int acceptedInCycle = c.acceptedPresent() != null ? c.accepted() : c.ok();
            accepted += acceptedInCycle;
            int min = Integer.MAX_VALUE;
            for (Integer present : perNode == null ? List.<Integer>of() : perNode) {
                if (present == null || present < 0) {
                    unreadable++;
                } else {
                    min = Math.min(min, present);
                }
            }
            // A cycle with no readable node shows no replica: it counts as zero, never as converged.
            minPresentSum += min == Integer.MAX_VALUE ? 0 : Math.min(min, acceptedInCycle);
            lost += c.lostAcknowledged();
            indeterminate += c.indeterminatePresent();
            if (c.inFlight() != null) {
                inFlight = (inFlight == null ? CycleRecord.InFlight.NONE : inFlight).plus(c.inFlight());
            }
            duplicates += c.duplicates();
            foreign += c.foreign() == null ? 0 : c.foreign();
            overRange += c.latencyOverRange() == null ? 0 : c.latencyOverRange();
            if (c.converged()) {
                converged++;
            }
            if (c.converged() && c.convergeMs() >= 0) {
                convergeMs.add(c.convergeMs()); // -1 means it never converged: counted by cycles_converged, not timed
            }
            if (c.recoveryMs() != null) {
                recoveryMs.add(c.recoveryMs());
            }
            if (c.measuredSkewMs() != null) {
                skewMs.add(c.measuredSkewMs());
            }
            FaultEvent e = c.faultEvent();
            if (e != null && e.window() != null) {
                windows.add(e.window());
            }
            String key = e == null ? "none" : e.mechanism() + "\u0000" + (e.status() == null ? "" : e.status().key());
            seen.computeIfAbsent(key, k -> new int[1])[0]++;
            seenStatus.put(key, e == null ? null : e.status());
            if (e == null || e.status() == null || !e.status().injected() || e.startMs() == 0) {
                notInjected++;
            }
            if (e != null && e.measurements() != null && e.measurements().containsKey(FaultEvent.HEAL_FAILED)) {
                notHealed++;
            }
        }
        List<MechanismUse> uses = new ArrayList<>();
        seen.forEach((k, n) -> uses.add(new MechanismUse(k.equals("none") ? "none" : k.substring(0, k.indexOf('\u0000')),
                seenStatus.get(k), n[0])));
        Mechanism mechanism = mechanism(ctx.declared(), uses);

        Double bound = writes == 0 ? null : (double) ok / writes;
        Double replica = accepted == 0 ? null : (double) minPresentSum / accepted;
        Thresholds t = ctx.thresholds();
        int done = cycles.size();
        boolean complete = done == ctx.cyclesPlanned() && !ctx.jsonlTruncated() && !ctx.hlogMissing()
                && !ctx.hlogTruncated();
        if (done < ctx.cyclesPlanned()) {
            reasons.add("incomplete: " + f + " " + done + "/" + ctx.cyclesPlanned() + " cycles");
        } else if (done > ctx.cyclesPlanned()) {
            reasons.add(f + ": " + done + "/" + ctx.cyclesPlanned() + " cycles (more than planned)");
        }
        if (ctx.jsonlTruncated()) {
            reasons.add("incomplete: " + RunFiles.cycleLogName(f) + " last line cut off");
        }
        if (ctx.hlogMissing()) {
            reasons.add("incomplete: " + RunFiles.latencyLogName(f) + " missing");
        }
        if (ctx.hlogTruncated()) {
            reasons.add("incomplete: " + RunFiles.latencyLogName(f) + " last interval cut off");
        }
        if (!inconsistent.isEmpty()) {
            reasons.add(f + ": ok + quorum_not_met + fail != writes in " + inconsistent.size() + " cycle(s), first "
                    + inconsistent.get(0));
        }
        if (!splitInconsistent.isEmpty()) {
            reasons.add(f + ": fail_definite + fail_indeterminate != fail in " + splitInconsistent.size()
                    + " cycle(s), first " + splitInconsistent.get(0));
        }
        if (bound == null) {
            reasons.add(f + ": convergence_bound undefined (no writes)");
        } else if (bound < t.convergenceBound()) {
            reasons.add(f + ": convergence_bound " + Numbers.ratio(bound) + " < " + Numbers.ratio(t.convergenceBound()));
        }
        if (replica == null) {
            reasons.add(f + ": replica_convergence undefined (no accepted writes)");
        } else if (replica < t.replicaConvergence()) {
            reasons.add(f + ": replica_convergence " + Numbers.ratio(replica) + " < "
                    + Numbers.ratio(t.replicaConvergence()));
        }
        if (lost > t.lostAcknowledged()) {
            reasons.add(f + ": lost_acknowledged " + lost + " > " + t.lostAcknowledged());
        }
        if (mechanism.status() == null || !mechanism.status().injected()) {
            reasons.add(f + ": mechanism " + mechanism.name() + " "
                    + (mechanism.status() == null ? "unknown" : mechanism.status().key())
                    + (mechanism.reason() == null ? "" : " (" + mechanism.reason() + ")") + ": fault not really injected");
        }
        if (notInjected > 0) {
            reasons.add(f + ": fault not injected in " + notInjected + "/" + done + " cycles");
        }
        if (notHealed > 0) {
            reasons.add(f + ": fault not healed in " + notHealed + "/" + done + " cycles");
        }
        // A listing that repeats rows or shows rows that are not the cycle's writes cannot vouch for the ones it
        // does show: the store (or its description) is defective, and the class does not pass on its word.
        if (duplicates > 0) {
            reasons.add(f + ": store defect: " + duplicates + " row(s) listed more than once by a node");
        }
        if (foreign > 0) {
            reasons.add(f + ": store defect: " + foreign + " listed row(s) are none of the cycle's writes "
                    + "(another namespace, or invented)");
        }
        if (overRange > 0) {
            // The latency figures understate these writes: the class cannot vouch for them.
            reasons.add(f + ": " + overRange + " write latency(ies) above the histograms' 60 s range, recorded as 60 s");
        }
        // An unreadable node hides its replicas from the minimum; a class must not pass on the nodes it could see.
        if (unreadable > 0) {
            reasons.add(f + ": " + unreadable + " node read-back(s) failed at the deadline");
        }
        Map<String, LatencyStats> latency = new LinkedHashMap<>();
        Histogram all = LatencyHistograms.empty();
        for (Histogram h : latencyUs.values()) {
            all.add(h);
        }
        latency.put(FaultSummary.ALL, LatencyStats.of(all));
        for (Outcome o : Outcome.values()) {
            Histogram h = latencyUs.get(o);
            latency.put(o.key(), LatencyStats.of(h == null ? LatencyHistograms.empty() : h));
        }
        boolean pass = reasons.isEmpty();
        return new FaultSummary(f, ctx.cyclesPlanned(), done, complete, writes, ok, qnm, fail,
                failSplit ? failDefinite : null, failSplit ? failIndeterminate : null, attempts, bound,
                replica, unreadable, lost, indeterminate, inFlight, duplicates, converged, SampleStats.of(convergeMs),
                SampleStats.of(recoveryMs), SampleStats.of(skewMs), WindowStats.of(windows), mechanism,
                Collections.unmodifiableList(uses),
                notInjected, Collections.unmodifiableMap(latency), ctx.jmhCounts(), pass,
                Collections.unmodifiableList(reasons));
    }

    /** The declared mechanism, else the one most cycles report, else an explicit unknown. */
    private static Mechanism mechanism(Mechanism declared, List<MechanismUse> uses) {
        if (declared != null) {
            return declared;
        }
        MechanismUse best = null;
        for (MechanismUse u : uses) {
            if (u.status() != null && (best == null || u.cycles() > best.cycles())) {
                best = u;
            }
        }
        return best == null ? new Mechanism("unknown", MechanismStatus.UNAVAILABLE, "no mechanism recorded")
                : new Mechanism(best.name(), best.status(), null);
    }
}
