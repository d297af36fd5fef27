package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.Decimals;
import dev.quorumbench.analysis.compare.FaultComparison;
import java.util.List;

/** Renders release-notes.md: results per fault class, plots, schedule, methodology, environment, baseline comparison. */
public final class ReleaseNotes {

    public static final String FILE = "release-notes.md";

    private ReleaseNotes() {
    }

    public static String render(Evidence e, List<Plot> plots) {
        Phase4Report r = e.report();
        StringBuilder b = new StringBuilder();
        b.append("# Phase-4 chaos campaign `").append(r.campaignId()).append("`: ")
                .append(r.pass() ? "PASS" : "FAIL").append(r.complete() ? "" : " (partial run)").append("\n\n");
        b.append(r.cyclesPerFault()).append(" cycles × ").append(r.writesPerCycle())
                .append(" writes per fault class against target `").append(e.data().campaign().target())
                .append("`, write quorum W=").append(e.data().campaign().quorumWrites()).append(".\n\n");
        b.append("## Results\n\n").append(EvidenceTables.results(r).markdown()).append('\n');
        b.append("Latency columns are acknowledged (ok) writes. Pass: ").append(EvidenceTables.thresholds(r.thresholds()))
                .append(".\n\n");
        if (!r.reasons().isEmpty()) {
            b.append("Not passed:\n");
            r.reasons().forEach(reason -> b.append("- ").append(reason).append('\n'));
            b.append('\n');
        }
        b.append("## Timings\n\n").append(EvidenceTables.timings(r).markdown()).append('\n');
        b.append("## Plots\n\n");
        for (Plot p : plots) {
            b.append("![").append(p.name()).append("](").append(p.name()).append(".png)\n\n")
                    .append(p.caption()).append(" Vector version: ").append(p.name()).append(".svg.\n\n");
        }
        b.append("## Schedule\n\n").append(EvidenceTables.schedule(r)).append("\n\n");
        b.append("## Methodology\n\n").append(EvidenceTables.METHODOLOGY).append("\n\n");
        b.append("## Environment\n\n").append(EvidenceTables.environment(r).markdown()).append('\n');
        if (e.baseline() != null) {
            Comparison c = e.baseline().comparison();
            b.append("## Compared with baseline `").append(c.base().campaignId()).append("`\n\n");
            b.append(CompareMarkdown.outcomeLabel(c)).append(CompareMarkdown.counts(c))
                    .append(".\n\n");
            c.notes().forEach(n -> b.append("> Note: ").append(n).append("\n"));
            if (!c.notes().isEmpty()) {
                b.append('\n');
            }
            for (FaultComparison f : c.faults()) {
                CompareMarkdown.table(b, f);
            }
            b.append("Minimum effects: ").append(CompareMarkdown.minEffects(c.settings())).append("; alpha ")
                    .append(Decimals.plain(c.settings().alpha()))
                    .append(" (two-sided Mann–Whitney U on per-cycle samples).\n");
        }
        return b.toString();
    }
}
