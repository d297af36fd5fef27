package dev.quorumbench.analysis;

import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.Schedule;
import java.util.Map;

/** Renders {@code report.md}: the verdict, a per-fault table, the reasons, the method and the environment. Pure. */
public final class ReportMarkdown {

    /** The claim's shape, as the source document states it. */
    public static final String METHODOLOGY = "convergence_bound is an empirical convergence fraction under the "
            + "listed faults, not a loss probability.";

    private ReportMarkdown() {
    }

    public static String render(Phase4Report r) {
        StringBuilder b = new StringBuilder();
        b.append("# Phase 4 chaos campaign ").append(r.campaignId()).append("\n\n");
        b.append("**").append(SummaryTable.verdict(r)).append("** — ").append(r.faults().size())
                .append(" fault classes")
                .append(r.notRun().isEmpty() ? "" : " (" + r.notRun().size() + " not applicable to the target: not run)")
                .append(", ").append(r.cyclesPerFault()).append(" cycles × ")
                .append(r.writesPerCycle()).append(" writes each.\n\n");
        b.append(table(r)).append('\n');
        b.append("Latency columns are acknowledged (ok) writes in milliseconds, whole write including retries. ")
                .append("qnm = quorum_not_met.\n\n");
        b.append("## Read-back and timings\n\n").append(timings(r)).append('\n');
        b.append("Times in ms as p50 / p99 / max over the cycles that measured them (nearest rank); "
                + "converge = from the start of read-back (after heal) until every acknowledged write is on every node.\n\n");
        String windows = windows(r);
        if (!windows.isEmpty()) {
            b.append("## Attested fault windows\n\n").append(windows).append('\n');
        }
        b.append(inFlightSection(r));
        b.append("## Reasons\n\n");
        if (r.reasons().isEmpty()) {
            b.append("None: every criterion was met.\n");
        }
        for (String reason : r.reasons()) {
            b.append("- ").append(reason).append('\n');
        }
        b.append("\n## Method\n\n");
        b.append(METHODOLOGY).append(' ');
        b.append("convergence_bound = Σok / Σwrites; replica_convergence = Σ_cycles min_node |accepted ∩ present(node)| / ")
                .append("Σaccepted over the nodes that could be read (accepted = acknowledged writes plus ")
                .append("indeterminate ones a node kept); lost_acknowledged counts acknowledged writes missing ")
                .append("from a node at the read-back deadline.\n\n");
        b.append("Pass per class: convergence_bound ≥ ").append(Numbers.ratio(r.thresholds().convergenceBound()))
                .append(", replica_convergence ≥ ").append(Numbers.ratio(r.thresholds().replicaConvergence()))
                .append(", lost_acknowledged ≤ ").append(r.thresholds().lostAcknowledged())
                .append(", the fault really injected (mechanism real or cooperative) in every cycle, ")
                .append("and every planned cycle recorded.\n\n");
        b.append("Schedule: ").append(scheduleSentence(r.schedule())).append("\n\n");
        b.append("## Environment\n\n");
        for (Map.Entry<String, Object> e : r.environment().entrySet()) {
            b.append("- ").append(e.getKey()).append(": ").append(e.getValue() == null ? "-" : e.getValue())
                    .append('\n');
        }
        return b.toString();
    }

    /** The per-fault Markdown table alone (sealed by a golden file). */
    public static String table(Phase4Report r) {
        StringBuilder b = new StringBuilder();
        b.append("| Fault | Writes | ok | qnm | fail | Convergence bound | Replica convergence | Lost | p50 ms | p99 ms "
                + "| p99.9 ms | max ms | Mechanism | Result |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (FaultSummary s : r.faults().values()) {
            LatencyStats ok = s.latencyMs().get("ok");
            b.append("| ").append(s.fault())
                    .append(" | ").append(s.writes())
                    .append(" | ").append(s.ok())
                    .append(" | ").append(s.quorumNotMet())
                    .append(" | ").append(s.fail())
                    .append(" | ").append(Numbers.ratio4(s.convergenceBound()))
                    .append(" | ").append(Numbers.ratio4(s.replicaConvergence()))
                    .append(" | ").append(s.lostAcknowledged())
                    .append(" | ").append(Numbers.ms(ok.p50Ms()))
                    .append(" | ").append(Numbers.ms(ok.p99Ms()))
                    .append(" | ").append(Numbers.ms(ok.p999Ms()))
                    .append(" | ").append(Numbers.ms(ok.maxMs()))
                    .append(" | ").append(SummaryTable.mechanismText(s))
                    .append(" | ").append(s.pass() ? "PASS" : "FAIL").append(" |\n");
        }
        r.notRun().forEach((f, why) -> b.append("| ").append(f.key())
                .append(" | - | - | - | - | - | - | - | - | - | - | - | - | not run: ").append(why).append(" |\n"));
        return b.toString();
    }

    /** Per fault: cycles, read-back figures and the per-cycle timings. */
    static String timings(Phase4Report r) {
        StringBuilder b = new StringBuilder();
        b.append("| Fault | Cycles | Converged | Nodes unreadable | Indeterminate present | Duplicates "
                + "| Not injected | Converge ms | Recovery ms | Measured skew ms |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FaultSummary s : r.faults().values()) {
            b.append("| ").append(s.fault())
                    .append(" | ").append(s.cyclesDone()).append('/').append(s.cyclesPlanned())
                    .append(" | ").append(s.cyclesConverged())
                    .append(" | ").append(s.nodesUnreadable())
                    .append(" | ").append(s.indeterminatePresent())
                    .append(" | ").append(s.duplicates())
                    .append(" | ").append(s.cyclesNotInjected())
                    .append(" | ").append(samples(s.convergeMs()))
                    .append(" | ").append(samples(s.recoveryMs()))
                    .append(" | ").append(samples(s.measuredSkewMs())).append(" |\n");
        }
        return b.toString();
    }

    /**
     * Where the writes in flight at the fault ended, per class that recorded it; empty when none did (older runs).
     * The boundary cases: on some nodes only (kept but not spread), or on none (lost, or never taken).
     */
    static String inFlightSection(Phase4Report r) {
        if (r.faults().values().stream().allMatch(s -> s.inFlight() == null)) {
            return "";
        }
        StringBuilder b = new StringBuilder("## Writes in flight at the fault\n\n");
        b.append("| Fault | In flight | On every node | On some nodes | On no node |\n");
        b.append("|---|---:|---:|---:|---:|\n");
        for (FaultSummary s : r.faults().values()) {
            if (s.inFlight() == null) {
                continue;
            }
            b.append("| ").append(s.fault())
                    .append(" | ").append(s.inFlight().writes())
                    .append(" | ").append(s.inFlight().onAll())
                    .append(" | ").append(s.inFlight().onSome())
                    .append(" | ").append(s.inFlight().onNone()).append(" |\n");
        }
        b.append("\nA write was in flight when one of its attempts got no definite answer (reset, timeout, 5xx, ")
                .append("quorum_not_met), whatever its retries got later; where it ended is read back after heal.\n\n");
        return b.toString();
    }

    /**
     * Per fault that recorded them: the windows the hosts attested, next to the configured one, as p50 / p99 / max
     * ms; empty when no class did (runs recorded before windows were).
     */
    static String windows(Phase4Report r) {
        if (r.faults().values().stream().allMatch(s -> s.windows() == null)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append("Compare with the campaign's configured window (campaign.json fault_window_ms). Control: apply start → "
                + "confirmed on the host; held: confirmed → healed on the host; seen: apply start → first good probe "
                + "after heal (the longest the store can have seen the fault). p50 / p99 / max ms.\n\n");
        b.append("| Fault | Control ms | Held ms | Seen ms |\n|---|---:|---:|---:|\n");
        for (FaultSummary s : r.faults().values()) {
            WindowStats w = s.windows();
            b.append("| ").append(s.fault())
                    .append(" | ").append(w == null ? "-" : samples(w.controlMs()))
                    .append(" | ").append(w == null ? "-" : samples(w.heldMs()))
                    .append(" | ").append(w == null ? "-" : samples(w.seenMs())).append(" |\n");
        }
        return b.toString();
    }

    private static String samples(SampleStats s) {
        return s == null ? "-" : s.p50() + " / " + s.p99() + " / " + s.max();
    }

    static String scheduleSentence(Schedule s) {
        if (s.openLoop()) {
            return "open loop" + (s.ratePerS() == null ? "" : " at " + Numbers.ratio(s.ratePerS()) + " writes/s")
                    + "; latency is measured from each write's intended start, so it includes the wait a stalled "
                    + "node causes (no coordinated omission).";
        }
        return "closed loop: each write starts when the previous one ends, as in the source "
                + "harness; during a stall fewer writes are issued, so percentiles understate what a fixed-rate "
                + "client would see (coordinated omission).";
    }
}
