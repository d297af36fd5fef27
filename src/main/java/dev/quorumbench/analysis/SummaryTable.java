package dev.quorumbench.analysis;

import dev.quorumbench.run.Schedule;
import java.util.List;

/**
 * The one-screen plain-text summary of a {@link Phase4Report}: a fixed-width row per fault class (the
 * latency columns are acknowledged writes, in milliseconds), the verdict and the first reasons. Pure.
 */
public final class SummaryTable {

    /** Reasons shown before pointing at phase4.json, to keep the summary on one screen. */
    static final int MAX_REASONS = 8;

    private static final String ROW = "%-24s %7s %7s %6s %6s %8s %8s %5s %9s %9s %9s %9s  %-24s %s%n";

    private SummaryTable() {
    }

    public static String render(Phase4Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("campaign %s  %s  %d cycles x %d writes per fault  %s%n", r.campaignId(),
                scheduleText(r.schedule()), r.cyclesPerFault(), r.writesPerCycle(), verdict(r)));
        b.append(String.format(ROW, "fault", "writes", "ok", "qnm", "fail", "conv", "replica", "lost",
                "p50_ms", "p99_ms", "p99.9_ms", "max_ms", "mechanism", "result"));
        for (FaultSummary s : r.faults().values()) {
            LatencyStats ok = s.latencyMs().get("ok");
            b.append(String.format(ROW, s.fault(), s.writes(), s.ok(), s.quorumNotMet(), s.fail(),
                    Numbers.ratio4(s.convergenceBound()), Numbers.ratio4(s.replicaConvergence()),
                    s.lostAcknowledged(), Numbers.ms(ok.p50Ms()), Numbers.ms(ok.p99Ms()), Numbers.ms(ok.p999Ms()),
                    Numbers.ms(ok.maxMs()), mechanismText(s), s.pass() ? "PASS" : "FAIL"));
        }
        r.notRun().forEach((f, why) -> b.append(String.format("%-24s not run: %s%n", f.key(), why)));
        List<String> reasons = r.reasons();
        for (int i = 0; i < Math.min(MAX_REASONS, reasons.size()); i++) {
            b.append("  - ").append(reasons.get(i)).append('\n');
        }
        if (reasons.size() > MAX_REASONS) {
            b.append("  … ").append(reasons.size() - MAX_REASONS).append(" more reasons in phase4.json\n");
        }
        return b.toString();
    }

    static String verdict(Phase4Report r) {
        return (r.pass() ? "PASS" : "FAIL") + (r.complete() ? "" : " (incomplete)")
                + (r.notRun().isEmpty() ? "" : " (" + r.classesRun() + ")");
    }

    static String scheduleText(Schedule s) {
        if (s.openLoop()) {
            return s.mode().key() + (s.ratePerS() == null ? "" : " " + Numbers.ratio(s.ratePerS()) + "/s");
        }
        return s.mode().key();
    }

    static String mechanismText(FaultSummary s) {
        if (s.cyclesDone() == 0) {
            // Nothing was injected (the target never started, or the run stopped first): naming the mechanism the
            // class would have used reads as if it had run.
            return "not run";
        }
        return s.mechanism().name() + "/" + (s.mechanism().status() == null ? "unknown" : s.mechanism().status().key());
    }
}
