package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.Decimals;
import dev.quorumbench.analysis.compare.FaultComparison;
import dev.quorumbench.analysis.compare.MetricComparison;
import dev.quorumbench.analysis.compare.MetricFormat;
import dev.quorumbench.analysis.compare.Verdict;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.UnsafeSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders release-notes.md so that it pastes into a release page as it is: the verdict (against the baseline first)
 * in the headline, unsafe and non-default settings right under it, tables of at most 8 columns, image links that
 * work where the Markdown is pasted, and methodology and environment folded.
 */
public final class ReleaseNotes {

    public static final String FILE = "release-notes.md";

    private ReleaseNotes() {
    }

    /** With image links relative to the notes (they work beside the PNG files, e.g. in a repository). */
    public static String render(Evidence e, List<Plot> plots) {
        return render(e, plots, null);
    }

    /**
     * @param imageBaseUrl where the PNG files will be served (e.g. a release's asset URL); null for links relative to
     *                     the notes
     */
    public static String render(Evidence e, List<Plot> plots, String imageBaseUrl) {
        Phase4Report r = e.report();
        CampaignSpec spec = e.data().campaign();
        StringBuilder b = new StringBuilder();
        b.append("# Phase-4 chaos campaign `").append(r.campaignId()).append("`: ").append(headline(e)).append("\n\n");
        if (e.baseline() != null) {
            baselineVerdict(b, e.baseline().comparison());
        }
        if (!r.reasons().isEmpty()) {
            // Reasons exist exactly when the run failed (a failed criterion or an incomplete run).
            b.append("**Run failed** — not passed:\n");
            r.reasons().forEach(reason -> b.append("- ").append(reason).append('\n'));
            b.append('\n');
        }
        List<String> unsafe = UnsafeSettings.of(spec);
        if (!unsafe.isEmpty()) {
            b.append("> [!WARNING]\n> **Unsafe settings**\n");
            unsafe.forEach(u -> b.append("> - ").append(u).append('\n'));
            b.append('\n');
        }
        b.append("**Settings**: ").append(SettingsSummary.sentence(r, spec)).append("\n\n");
        b.append("## Results\n\n");
        List<Table> tables = EvidenceTables.resultTables(r);
        for (int i = 0; i < tables.size(); i++) {
            b.append("**").append(EvidenceTables.RESULT_TABLE_TITLES.get(i)).append("**\n\n")
                    .append(tables.get(i).markdown()).append('\n');
        }
        b.append("Pass: ").append(EvidenceTables.thresholds(r.thresholds())).append(".\n\n");
        b.append("## Timings\n\n").append(EvidenceTables.timings(r).markdown()).append('\n');
        b.append("## Plots\n\n");
        for (Plot p : plots) {
            b.append("![").append(p.name()).append("](").append(link(imageBaseUrl, p.name() + ".png")).append(")\n\n")
                    .append(p.caption()).append(" Vector version: [").append(p.name()).append(".svg](")
                    .append(link(imageBaseUrl, p.name() + ".svg")).append(").\n\n");
        }
        b.append("## Schedule\n\n").append(EvidenceTables.schedule(r)).append("\n\n");
        details(b, "Methodology", EvidenceTables.METHODOLOGY + "\n");
        details(b, "Environment", EvidenceTables.environment(r).markdown());
        if (e.baseline() != null) {
            Comparison c = e.baseline().comparison();
            b.append("## Compared with baseline `").append(c.base().campaignId()).append("`\n\n");
            c.notes().forEach(n -> b.append("> Note: ").append(n).append("\n"));
            if (!c.notes().isEmpty()) {
                b.append('\n');
            }
            for (FaultComparison f : c.faults()) {
                CompareMarkdown.table(b, f);
            }
            b.append("Minimum effects: ").append(CompareMarkdown.minEffects(c.settings())).append("; alpha ")
                    .append(Decimals.plain(c.settings().alpha()))
                    .append(" (two-sided Mann–Whitney U over units: runs or blocks of cycles; q after")
                    .append(" Benjamini–Hochberg).\n");
        }
        return b.toString();
    }

    /** "PASS", or with a baseline the comparison first: "REGRESSION against `base` · run PASS". */
    static String headline(Evidence e) {
        Phase4Report r = e.report();
        String run = (r.pass() ? "PASS" : "FAIL") + (r.complete() ? "" : " (partial run)");
        if (e.baseline() == null) {
            return run;
        }
        Comparison c = e.baseline().comparison();
        String against = " against `" + c.base().campaignId() + "`";
        // Inconclusive is not "no regression": the headline says what could not be decided.
        String verdict = switch (c.outcome()) {
            case REGRESSION -> "REGRESSION" + against;
            case INCONCLUSIVE -> "INCONCLUSIVE" + against + " (" + undecided(c) + ")";
            case NO_REGRESSION -> "no regression" + against;
        };
        return verdict + " · run " + run;
    }

    /** "3 metrics undecided", "base is partial (interrupted)" or both, joined by "; ". */
    static String undecided(Comparison c) {
        List<String> parts = new ArrayList<>();
        long n = c.count(Verdict.INCONCLUSIVE);
        if (n > 0) {
            parts.add(n + (n == 1 ? " metric" : " metrics") + " undecided");
        }
        parts.addAll(c.gaps());
        return String.join("; ", parts);
    }

    private static void baselineVerdict(StringBuilder b, Comparison c) {
        String label = CompareMarkdown.outcomeLabel(c);
        b.append("**").append(label, 0, label.length() - 2).append("** against baseline `")
                .append(c.base().campaignId()).append("`: ").append(CompareMarkdown.counts(c)).append(".\n");
        List<String> regressed = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (FaultComparison f : c.faults()) {
            for (MetricComparison m : f.metrics()) {
                if (m.verdict() == Verdict.REGRESSED) {
                    // A regression outside the gate's family did not make the verdict: listed apart, never under it.
                    (m.gated() ? regressed : outside).add("- `" + f.fault().key() + "` "
                            + CompareMarkdown.label(m.metric()) + ": " + MetricFormat.value(m.metric(), m.base())
                            + " → " + MetricFormat.value(m.metric(), m.head()) + " (" + MetricFormat.change(m)
                            + (Double.isNaN(m.qValue()) ? ", a hard gate" : ", effect " + MetricFormat.effect(m)
                            + ", q " + MetricFormat.pValue(m.qValue())) + ")");
                }
            }
        }
        if (!regressed.isEmpty()) {
            b.append('\n');
            regressed.forEach(line -> b.append(line).append('\n'));
        }
        if (!outside.isEmpty()) {
            b.append("\nRegressed outside the gate (reported, cannot fail it; gated: ")
                    .append(CompareMarkdown.gatedList(c.settings())).append("):\n");
            outside.forEach(line -> b.append(line).append('\n'));
        }
        b.append('\n');
    }

    /** A GitHub-style folded section; the blank lines let the Markdown inside render. */
    private static void details(StringBuilder b, String summary, String markdown) {
        b.append("<details>\n<summary>").append(summary).append("</summary>\n\n").append(markdown)
                .append("\n</details>\n\n");
    }

    private static String link(String base, String file) {
        return base == null ? file : base + "/" + file;
    }
}
