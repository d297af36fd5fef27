package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.compare.CompareSettings;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.Decimals;
import dev.quorumbench.analysis.compare.FaultComparison;
import dev.quorumbench.analysis.compare.Metric;
import dev.quorumbench.analysis.compare.MetricComparison;
import dev.quorumbench.analysis.compare.MetricFormat;
import dev.quorumbench.analysis.compare.RunHeader;
import dev.quorumbench.analysis.compare.RunSettings;
import dev.quorumbench.analysis.compare.Units;
import dev.quorumbench.analysis.compare.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a {@link Comparison} as Markdown fit for a pull-request comment: header, findings, one table per fault. */
public final class CompareMarkdown {

    private CompareMarkdown() {
    }

    public static String render(Comparison c) {
        StringBuilder b = new StringBuilder();
        b.append("## quorumbench compare: ").append(c.outcome().words()).append("\n\n");
        b.append("base `").append(c.base().campaignId()).append("` → head `").append(c.head().campaignId())
                .append("`: ").append(counts(c)).append(".\n\n");
        headline(b, c);
        differences(b, c);
        findings(b, c, Verdict.REGRESSED, "Regressed");
        findings(b, c, Verdict.IMPROVED, "Improved");
        findings(b, c, Verdict.INCONCLUSIVE, "Inconclusive (not a pass: too little evidence either way)");
        outsideGate(b, c);
        header(b, c.base(), c.head());
        for (String note : c.notes()) {
            b.append("> Note: ").append(note).append('\n');
        }
        if (!c.notes().isEmpty()) {
            b.append('\n');
        }
        for (FaultComparison f : c.faults()) {
            table(b, f);
        }
        method(b, c);
        return b.toString();
    }

    /** What must not be missed before the numbers: allowed differences in what is measured, unsafe settings. */
    static void headline(StringBuilder b, Comparison c) {
        if (!c.allowedDifferences().isEmpty()) {
            b.append("**Compared although what is measured differs** (--allow-different): ").append(String.join("; ",
                    c.allowedDifferences().stream().map(RunSettings.Difference::describe).toList())).append(".\n\n");
        }
        if (!c.base().unsafe().isEmpty() || !c.head().unsafe().isEmpty()) {
            b.append("**Unsafe settings**:\n");
            c.base().unsafe().forEach(u -> b.append("- base: ").append(u).append('\n'));
            c.head().unsafe().forEach(u -> b.append("- head: ").append(u).append('\n'));
            b.append('\n');
        }
    }

    private static void differences(StringBuilder b, Comparison c) {
        if (c.differences().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunSettings.Difference d : c.differences()) {
            rows.add(List.of(d.key(), d.base(), d.head(), d.changesMeasurement() ? "yes (allowed)" : "no"));
        }
        b.append("Settings that differ:\n\n")
                .append(Table.of(List.of("setting", "base", "head", "changes what is measured"), rows).markdown())
                .append('\n');
    }

    /** The comparison table of one fault class under its heading (also used by release notes). */
    public static void table(StringBuilder b, FaultComparison f) {
        b.append("### ").append(f.fault()).append("\n\n").append(table(f).markdown()).append('\n');
    }

    /** The comparison table of one fault class: metric, base, head, change, effect with interval, q, verdict. */
    public static Table table(FaultComparison f) {
        List<List<String>> rows = new ArrayList<>();
        for (MetricComparison m : f.metrics()) {
            rows.add(List.of(label(m.metric()), MetricFormat.value(m.metric(), m.base()),
                    MetricFormat.value(m.metric(), m.head()), MetricFormat.change(m), MetricFormat.effect(m),
                    MetricFormat.pValue(m.qValue()), m.gated() ? emphasis(m.verdict()) : m.verdict().word()
                            + " (not gated)"));
        }
        return Table.of(List.of("metric", "base:", "head:", "change:", "effect [interval]:", "q:", "verdict"), rows);
    }

    /** "Regression: ", "Inconclusive: " or "No regression: ": an inconclusive metric is never a plain pass. */
    public static String outcomeLabel(Comparison c) {
        String w = c.outcome().words();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1) + ": ";
    }

    /**
     * "2 regressed, 1 improved, 1 inconclusive, 2 unchanged" over the gated metrics, then ", 8 reported outside the
     * gate" when some are.
     */
    public static String counts(Comparison c) {
        StringBuilder s = new StringBuilder();
        for (Verdict v : new Verdict[] {Verdict.REGRESSED, Verdict.IMPROVED, Verdict.INCONCLUSIVE, Verdict.UNCHANGED}) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(c.count(v)).append(' ').append(v.word());
        }
        long outside = c.countNotGated();
        if (outside > 0) {
            s.append(", ").append(outside).append(" reported outside the gate");
        }
        return s.toString();
    }

    static String label(Metric m) {
        return m.label() + (m.unit().equals("ms") ? " (ms)" : "");
    }

    private static String emphasis(Verdict v) {
        return v == Verdict.REGRESSED || v == Verdict.IMPROVED ? "**" + v.word() + "**" : v.word();
    }

    private static void findings(StringBuilder b, Comparison c, Verdict verdict, String title) {
        boolean any = false;
        if (verdict == Verdict.INCONCLUSIVE && !c.gaps().isEmpty()) {
            // Gaps make the outcome inconclusive without any metric saying so: list them where the reader looks.
            b.append(title).append(":\n");
            c.gaps().forEach(g -> b.append("- ").append(g).append('\n'));
            any = true;
        }
        for (FaultComparison f : c.faults()) {
            for (MetricComparison m : f.metrics()) {
                if (m.gated() && m.verdict() == verdict) {
                    if (!any) {
                        b.append(title).append(":\n");
                        any = true;
                    }
                    b.append("- ").append(finding(f, m)).append('\n');
                }
            }
        }
        if (any) {
            b.append('\n');
        }
    }

    /**
     * Which metrics the gate leaves out, and those of them that moved: shown, never silently dropped, though they
     * cannot fail the gate.
     */
    private static void outsideGate(StringBuilder b, Comparison c) {
        if (c.settings().gatesAll()) {
            return;
        }
        b.append("Outside the gate (reported, cannot fail it; gated: ").append(gatedList(c.settings()))
                .append(")");
        boolean any = false;
        for (FaultComparison f : c.faults()) {
            for (MetricComparison m : f.metrics()) {
                if (!m.gated() && m.verdict() != Verdict.UNCHANGED) {
                    b.append(any ? "" : ":").append("\n- ").append(f.fault()).append(", ").append(m.metric().label())
                            .append(": ").append(MetricFormat.value(m.metric(), m.base())).append(" → ")
                            .append(MetricFormat.value(m.metric(), m.head())).append(m.metric().unit().isEmpty() ? ""
                                    : " " + m.metric().unit()).append(", change ").append(MetricFormat.change(m))
                            .append(", ").append(m.verdict().word());
                    any = true;
                }
            }
        }
        b.append(any ? "\n\n" : ": all unchanged.\n\n");
    }

    /** "latency_p50, lost_acknowledged, …" (the gated metrics' keys), or "every metric". */
    public static String gatedList(CompareSettings s) {
        if (s.gatesAll()) {
            return "every metric";
        }
        return String.join(", ", s.gated().stream().map(Metric::key).toList());
    }

    /**
     * One metric's finding: "drop_random_acks, latency p50: 3.380 → 6.790 ms, change +3.410 (+100.9%), effect +3.2
     * [+2.9, +3.6], q 0.001" (with the reason when inconclusive); also the message of a CI test case.
     */
    public static String finding(FaultComparison f, MetricComparison m) {
        return f.fault() + ", " + m.metric().label() + ": " + MetricFormat.value(m.metric(), m.base()) + " → "
                + MetricFormat.value(m.metric(), m.head()) + (m.metric().unit().isEmpty() ? "" : " "
                + m.metric().unit()) + ", change " + MetricFormat.change(m) + evidence(m);
    }

    /** ", effect +5.0 [+4.2, +5.9], q 0.001" or ", too few blocks …" for a finding's line. */
    private static String evidence(MetricComparison m) {
        StringBuilder s = new StringBuilder();
        if (m.effect() != null) {
            s.append(", effect ").append(MetricFormat.effect(m)).append(", q ").append(MetricFormat.pValue(m.qValue()));
        }
        if (m.verdict() == Verdict.INCONCLUSIVE || m.effect() == null) {
            s.append(" (").append(m.reason()).append(')');
        }
        return s.toString();
    }

    private static void header(StringBuilder b, RunHeader base, RunHeader head) {
        b.append("| | base | head |\n|---|---|---|\n");
        row(b, "campaign", "`" + base.campaignId() + "`", "`" + head.campaignId() + "`");
        if (base.runs() > 1 || head.runs() > 1) {
            row(b, "runs", Integer.toString(base.runs()), Integer.toString(head.runs()));
        }
        if (!base.unsafe().isEmpty() || !head.unsafe().isEmpty()) {
            row(b, "unsafe", unsafe(base), unsafe(head));
        }
        row(b, "schedule", base.schedule(), head.schedule());
        row(b, "cycles × writes", base.cycles() + " × " + base.writes(), head.cycles() + " × " + head.writes());
        row(b, "complete", base.complete() ? "yes" : "no (partial)", head.complete() ? "yes" : "no (partial)");
        Set<String> keys = new LinkedHashSet<>(base.environment().keySet());
        keys.addAll(head.environment().keySet());
        for (String k : keys) {
            row(b, k, base.environment().getOrDefault(k, "-"), head.environment().getOrDefault(k, "-"));
        }
        b.append('\n');
    }

    private static String unsafe(RunHeader h) {
        return h.unsafe().isEmpty() ? "none" : "**yes** (" + h.unsafe().size() + ", listed above)";
    }

    private static void row(StringBuilder b, String name, String base, String head) {
        b.append("| ").append(name).append(" | ").append(cell(base)).append(" | ").append(cell(head)).append(" |\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static void method(StringBuilder b, Comparison c) {
        String alpha = Decimals.plain(c.settings().alpha());
        b.append("Method: the units of the test are whole runs when both sides have at least ")
                .append(c.settings().minUnits()).append(" runs, else blocks of consecutive cycles (")
                .append(Units.BLOCKS_PER_RUN).append(" per run; they do not absorb noise between runs).")
                .append(" A metric regressed")
                .append(" (improved) when its class-level change reaches the minimum effect in the bad (good) direction,")
                .append(" a two-sided Mann–Whitney U test over unit means (exact for small samples; for the two arms")
                .append(" of one interleaved campaign with a value in every cycle and at least 8 blocks an arm, a Wilcoxon signed-rank test over")
                .append(" pairs of base and head blocks that ran side by side) gives q < ")
                .append(alpha).append(" after Benjamini–Hochberg over every tested class × metric, and the ")
                .append(Decimals.plain(100 * (1 - c.settings().alpha()))).append(" % interval of the effect (head −")
                .append(" base of the mean per-cycle value; hierarchical bootstrap over units, then cycles; seeded)")
                .append(" excludes 0 on that side. Below the minimum effect it is unchanged; a large change without")
                .append(" that evidence, or with fewer than ").append(c.settings().minUnits())
                .append(" units a side, is inconclusive. Lost acknowledged writes are a hard gate on per-run rates")
                .append(" (no statistics): head losing any where base lost none, or more per run, is a regression;")
                .append(" both losing is inconclusive at best. Latency is of acknowledged writes. Minimum effects: ")
                .append(minEffects(c.settings())).append(".")
                .append(c.settings().gatesAll() ? "" : " The gate's family is " + gatedList(c.settings())
                        + " (--gate-metrics): only their verdicts decide the outcome, and Benjamini–Hochberg adjusts"
                        + " them and the metrics reported outside the gate as two separate families.")
                .append("\n");
    }

    /** "convergence 0.002; lost 1 writes; …": a group once when all its metrics agree, else metric by metric. */
    public static String minEffects(CompareSettings s) {
        Map<String, List<Metric>> groups = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            groups.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m);
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((g, metrics) -> {
            boolean same = metrics.stream().map(s::minEffect).distinct().count() == 1;
            if (same) {
                parts.add(g + " " + s.minEffect(metrics.get(0)).describe(metrics.get(0).unit()));
            } else {
                metrics.forEach(m -> parts.add(m.key() + " " + s.minEffect(m).describe(m.unit())));
            }
        });
        return String.join("; ", parts);
    }
}
