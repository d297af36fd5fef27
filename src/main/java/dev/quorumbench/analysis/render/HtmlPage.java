package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.Decimals;
import dev.quorumbench.analysis.compare.FaultComparison;
import dev.quorumbench.run.UnsafeSettings;
import java.util.Base64;
import java.util.List;

/**
 * Renders index.html: one self-contained page (inline CSS, plots embedded as data: URIs) that opens without any
 * network access and shows the same tables as release-notes.md.
 */
public final class HtmlPage {

    public static final String FILE = "index.html";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1180px;\
            padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:.6em 0;font-size:.88em}
            th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}th{background:#f3f3f3}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#176f2c}.fail{color:#b00020}figure{margin:1.2em 0}img{max-width:100%;height:auto}
            figcaption{font-size:.9em;color:#555}.note{background:#fff8e1;padding:.4em .8em;border-left:3px solid #f0b400}
            code{background:#f3f3f3;padding:0 .2em}
            """;

    private HtmlPage() {
    }

    /**
     * Whether the headline is drawn as a pass: the run passed and, with a baseline ({@code outcome} not null), the
     * comparison found no regression. An inconclusive comparison is not green: it is not a pass.
     */
    static boolean good(boolean pass, Comparison.Outcome outcome) {
        return pass && (outcome == null || outcome == Comparison.Outcome.NO_REGRESSION);
    }

    public static String render(Evidence e, List<Plot> plots) {
        Phase4Report r = e.report();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>quorumbench ")
                .append(Html.escape(r.campaignId())).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
        String headline = ReleaseNotes.headline(e).replace("`", "");
        boolean good = good(r.pass(), e.baseline() == null ? null : e.baseline().comparison().outcome());
        b.append("<h1>Phase-4 chaos campaign <code>").append(Html.escape(r.campaignId())).append("</code>: ")
                .append(good ? "<span class=\"pass\">" : "<span class=\"fail\">").append(Html.escape(headline))
                .append("</span></h1>\n");
        b.append("<nav>");
        List<String[]> sections = new java.util.ArrayList<>(List.of(new String[] {"results", "Results"},
                new String[] {"timings", "Timings"}, new String[] {"plots", "Plots"},
                new String[] {"schedule", "Schedule"}, new String[] {"methodology", "Methodology"},
                new String[] {"environment", "Environment"}));
        if (e.baseline() != null) {
            sections.add(new String[] {"baseline", "Compared with baseline"});
        }
        for (int i = 0; i < sections.size(); i++) {
            b.append(i == 0 ? "" : " · ").append("<a href=\"#").append(sections.get(i)[0]).append("\">")
                    .append(sections.get(i)[1]).append("</a>");
        }
        b.append("</nav>\n");
        List<String> unsafe = UnsafeSettings.of(e.data().campaign());
        if (!unsafe.isEmpty()) {
            b.append("<div class=\"note\"><strong>Unsafe settings</strong><ul>\n");
            unsafe.forEach(u -> b.append("<li>").append(Html.escape(UnsafeSettings.plain(u))).append("</li>\n"));
            b.append("</ul></div>\n");
        }
        b.append("<p>").append(Html.escape(SettingsSummary.sentence(r, e.data().campaign()).replace("`", "")))
                .append("</p>\n");
        b.append("<h2 id=\"results\">Results</h2>\n");
        List<Table> tables = EvidenceTables.resultTables(r);
        for (int i = 0; i < tables.size(); i++) {
            b.append("<h3>").append(Html.escape(EvidenceTables.RESULT_TABLE_TITLES.get(i))).append("</h3>\n")
                    .append(tables.get(i).html());
        }
        b.append("<p>Pass: ")
                .append(Html.escape(EvidenceTables.thresholds(r.thresholds()))).append(".</p>\n");
        if (!r.reasons().isEmpty()) {
            b.append("<p>Not passed:</p>\n<ul>\n");
            r.reasons().forEach(reason -> b.append("<li>").append(Html.escape(reason)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("<h2 id=\"timings\">Timings</h2>\n").append(EvidenceTables.timings(r).html());
        b.append("<h2 id=\"plots\">Plots</h2>\n");
        for (Plot p : plots) {
            b.append("<figure><img alt=\"").append(Html.escape(p.caption())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(p.files().png())).append("\"><figcaption>")
                    .append(Html.escape(p.caption())).append("</figcaption></figure>\n");
        }
        b.append("<h2 id=\"schedule\">Schedule</h2>\n<p>").append(Html.escape(EvidenceTables.schedule(r))).append("</p>\n");
        b.append("<h2 id=\"methodology\">Methodology</h2>\n<p>").append(Html.escape(EvidenceTables.METHODOLOGY)).append("</p>\n");
        b.append("<h2 id=\"environment\">Environment</h2>\n").append(EvidenceTables.environment(r).html());
        if (e.baseline() != null) {
            Comparison c = e.baseline().comparison();
            b.append("<h2 id=\"baseline\">Compared with baseline <code>").append(Html.escape(c.base().campaignId()))
                    .append("</code></h2>\n<p>").append(CompareMarkdown.outcomeLabel(c))
                    .append(Html.escape(CompareMarkdown.counts(c))).append(".</p>\n");
            c.notes().forEach(n -> b.append("<p class=\"note\">").append(Html.escape(n)).append("</p>\n"));
            if (!c.settings().gatesAll()) {
                // Rows marked "(not gated)" need their key: which metrics the verdict above is made of.
                b.append("<p class=\"note\">Gated: ").append(Html.escape(CompareMarkdown.gatedList(c.settings())))
                        .append(". The other metrics are reported and cannot fail the gate.</p>\n");
            }
            for (FaultComparison f : c.faults()) {
                b.append("<h3>").append(Html.escape(f.fault().key())).append("</h3>\n")
                        .append(CompareMarkdown.table(f).html());
            }
            b.append("<p>Minimum effects: ").append(Html.escape(CompareMarkdown.minEffects(c.settings())))
                    .append("; alpha ").append(Decimals.plain(c.settings().alpha()))
                    .append(" (two-sided Mann–Whitney U on per-cycle samples).</p>\n");
        }
        b.append("<p><small>Generated by quorumbench report from <code>")
                .append(Html.escape(e.data().dir().getFileName() == null ? e.data().dir().toString()
                        : e.data().dir().getFileName().toString()))
                .append("</code>. The plots are also written as PNG and SVG next to this page.</small></p>\n");
        return b.append("</body>\n</html>\n").toString();
    }
}
