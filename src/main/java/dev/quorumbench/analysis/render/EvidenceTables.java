package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.FaultSummary;
import dev.quorumbench.analysis.LatencyStats;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.SampleStats;
import dev.quorumbench.analysis.compare.Decimals;
import dev.quorumbench.analysis.compare.Metric;
import dev.quorumbench.analysis.compare.MetricFormat;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.Thresholds;
import java.util.ArrayList;
import java.util.List;

/** The tables and fixed sentences a report shows, shared by release-notes.md and index.html. */
public final class EvidenceTables {

    /** The methodology note every report carries. */
    public static final String METHODOLOGY = "convergence_bound = Σ ok / Σ writes is an empirical convergence"
            + " fraction under the listed faults, not a loss probability. replica_convergence = Σ over cycles of the"
            + " fewest accepted writes (acknowledged, plus indeterminate ones a node kept) any readable node holds,"
            + " / Σ accepted. lost_acknowledged counts acknowledged"
            + " writes missing from a node when read-back ended. quorum_not_met and fail are indeterminate outcomes"
            + " (the write may exist and spread later), not losses. Latency is the whole write including retries,"
            + " recorded in HdrHistograms (3 significant digits) and shown in milliseconds.";

    private EvidenceTables() {
    }

    /**
     * The results split to fit a release page (at most 8 columns each): the verdict per class (result,
     * convergence, losses, mechanism), the write outcomes, and the latency of acknowledged writes.
     */
    public static List<Table> resultTables(Phase4Report r) {
        List<List<String>> verdicts = new ArrayList<>();
        List<List<String>> writes = new ArrayList<>();
        List<List<String>> latency = new ArrayList<>();
        for (FaultSummary s : r.faults().values()) {
            LatencyStats ok = s.latencyMs().get("ok");
            verdicts.add(List.of(s.fault().key(), s.pass() ? "**pass**" : "**FAIL**",
                    fraction(Metric.CONVERGENCE_BOUND, s.convergenceBound()),
                    fraction(Metric.REPLICA_CONVERGENCE, s.replicaConvergence()), Long.toString(s.lostAcknowledged()),
                    mechanism(s.mechanism())));
            writes.add(List.of(s.fault().key(), Long.toString(s.writes()), Long.toString(s.ok()),
                    Long.toString(s.quorumNotMet()), Long.toString(s.fail())));
            latency.add(List.of(s.fault().key(), ms(ok == null ? null : ok.p50Ms()), ms(ok == null ? null : ok.p99Ms()),
                    ms(ok == null ? null : ok.p999Ms()), ms(ok == null ? null : ok.maxMs())));
        }
        return List.of(
                Table.of(List.of("fault", "result", "convergence bound:", "replica convergence:", "lost:", "mechanism"),
                        verdicts),
                Table.of(List.of("fault", "writes:", "ok:", "quorum_not_met:", "fail:"), writes),
                Table.of(List.of("fault", "p50 ms:", "p99 ms:", "p99.9 ms:", "max ms:"), latency));
    }

    /** Titles of {@link #resultTables}, in order. */
    public static final List<String> RESULT_TABLE_TITLES = List.of("Verdict per fault class", "Write outcomes",
            "Latency of acknowledged writes");

    /** One row per fault class: cycles, converged cycles, time to converge, recovery time, measured skew. */
    public static Table timings(Phase4Report r) {
        List<List<String>> rows = new ArrayList<>();
        for (FaultSummary s : r.faults().values()) {
            rows.add(List.of(s.fault().key(), s.cyclesDone() + "/" + s.cyclesPlanned(), Integer.toString(s.cyclesConverged()),
                    stats(s.convergeMs()), stats(s.recoveryMs()), stats(s.measuredSkewMs())));
        }
        return Table.of(List.of("fault", "cycles:", "converged cycles:", "time to converge ms p50 / p99 / max:",
                "recovery ms p50 / p99 / max:", "measured skew ms p50 / p99 / max:"), rows);
    }

    /** The environment the run reports, one row per key. */
    public static Table environment(Phase4Report r) {
        List<List<String>> rows = new ArrayList<>();
        r.environment().forEach((k, v) -> rows.add(List.of(k, v == null ? "-" : String.valueOf(v))));
        return Table.of(List.of("key", "value"), rows);
    }

    /** "closed-loop (each write waits for the previous one …)" or the open-loop sentence. */
    public static String schedule(Phase4Report r) {
        if (r.schedule().openLoop()) {
            return r.schedule().mode().key() + (r.schedule().ratePerS() == null ? "" : " at " + Decimals.plain(r.schedule().ratePerS())
                    + " writes/s") + ": writes start on a fixed schedule and latency is measured from each write's"
                    + " intended start, so queueing behind a stalled write counts (no coordinated omission).";
        }
        return "closed-loop: each write is issued when the previous one finished, so latency does not include"
                + " time a write would have waited behind a stalled one (coordinated omission is possible).";
    }

    /** "convergence_bound ≥ 0.995, replica_convergence ≥ 0.99, lost_acknowledged ≤ 0". */
    public static String thresholds(Thresholds t) {
        return "convergence_bound ≥ " + Decimals.plain(t.convergenceBound()) + ", replica_convergence ≥ "
                + Decimals.plain(t.replicaConvergence()) + ", lost_acknowledged ≤ " + t.lostAcknowledged()
                + ", and the fault really injected (real or cooperative mechanism)";
    }

    static String mechanism(Mechanism m) {
        String status = m.status() == null ? "unknown" : m.status().key();
        return m.name() + " (" + status + (m.reason() == null ? "" : ": " + m.reason()) + ")";
    }

    private static String fraction(Metric m, Double v) {
        return v == null ? "-" : MetricFormat.value(m, v);
    }

    private static String ms(Double v) {
        return v == null ? "-" : MetricFormat.value(Metric.LATENCY_P50, v);
    }

    private static String stats(SampleStats s) {
        return s == null ? "-" : s.p50() + " / " + s.p99() + " / " + s.max();
    }
}
