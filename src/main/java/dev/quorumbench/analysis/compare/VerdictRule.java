package dev.quorumbench.analysis.compare;

/**
 * Decides the verdict on one metric from the class-level effect, the rank test over units (adjusted for the false
 * discovery rate of the whole comparison) and the bootstrap interval of the per-cycle effect.
 *
 * <p>Unchanged: the class-level change is below the minimum effect. Regressed / improved: the change reaches the
 * minimum in the bad / good direction, the adjusted p-value (q) is below alpha and the effect's interval excludes
 * zero on that same side. Inconclusive: anything else with a large change (too few units, q ≥ alpha, an interval
 * across zero or on the other side), or data on one side only. Lost acknowledged writes are a hard gate, not a
 * statistic, judged on per-run rates: head losing any where base lost none, or more per run than base, is a
 * regression; both losing is inconclusive at best; head losing none where base lost some is an improvement. A lost
 * acknowledged write is a broken contract, not noise.
 */
public final class VerdictRule {

    private VerdictRule() {
    }

    /**
     * Judges {@code metric}; returns null when neither side has data for it. A metric outside the settings' gate is
     * judged the same way and marked not gated, so it is reported but cannot decide the outcome.
     */
    public static MetricComparison judge(Metric metric, SideMetric base, SideMetric head, MetricEvidence evidence,
            double q, CompareSettings settings) {
        MetricComparison c = decide(metric, base, head, evidence, q, settings);
        return c == null || settings.gated(metric) ? c : c.outsideGate();
    }

    private static MetricComparison decide(Metric metric, SideMetric base, SideMetric head, MetricEvidence evidence,
            double q, CompareSettings settings) {
        if (!base.present() && !head.present()) {
            return null;
        }
        double b = base.aggregate();
        double h = head.aggregate();
        if (!base.present() || !head.present()) {
            return result(metric, base, head, evidence, q, Verdict.INCONCLUSIVE,
                    "no data in " + (base.present() ? "head" : "base"));
        }
        if (metric == Metric.LOST_ACKNOWLEDGED) {
            return lost(base, head, evidence, q);
        }
        if (!settings.minEffect(metric).reachedBy(b, h)) {
            return result(metric, base, head, evidence, q, Verdict.UNCHANGED,
                    b == h ? "no change" : "below minimum effect");
        }
        if (!evidence.tested()) {
            return result(metric, base, head, evidence, q, Verdict.INCONCLUSIVE, evidence.untested());
        }
        if (!(q < settings.alpha())) {
            return result(metric, base, head, evidence, q, Verdict.INCONCLUSIVE, "not significant");
        }
        boolean worse = metric.direction().worse(b, h);
        HierarchicalBootstrap.Interval e = evidence.effect();
        // The interval must lie on the side the class-level change points to: higher head values are worse for
        // lower-is-better metrics and better for the rest.
        boolean headHigher = h > b;
        if (!e.excludesZero() || (e.low() > 0) != headHigher) {
            return result(metric, base, head, evidence, q, Verdict.INCONCLUSIVE, e.excludesZero()
                    ? "per-cycle effect points the other way" : "effect interval includes 0");
        }
        return result(metric, base, head, evidence, q, worse ? Verdict.REGRESSED : Verdict.IMPROVED,
                worse ? "worse and significant" : "better and significant");
    }

    /**
     * The hard gate on lost acknowledged writes, on per-run rates so sides with different numbers of runs
     * compare: any loss in head is never a pass.
     */
    private static MetricComparison lost(SideMetric base, SideMetric head, MetricEvidence evidence, double q) {
        double b = perRun(base);
        double h = perRun(head);
        Metric m = Metric.LOST_ACKNOWLEDGED;
        if (h == 0) {
            return b == 0 ? result(m, base, head, evidence, q, Verdict.UNCHANGED, "none lost")
                    : result(m, base, head, evidence, q, Verdict.IMPROVED, "head lost none; base lost some");
        }
        if (b == 0) {
            return result(m, base, head, evidence, q, Verdict.REGRESSED, "acknowledged writes lost; base lost none");
        }
        String rates = "; per run: base " + Decimals.plain(b) + ", head " + Decimals.plain(h);
        if (h > b) {
            return result(m, base, head, evidence, q, Verdict.REGRESSED,
                    "both sides lose acknowledged writes, head more" + rates);
        }
        return result(m, base, head, evidence, q, Verdict.INCONCLUSIVE,
                "both sides lose acknowledged writes" + rates);
    }

    /** Lost writes per run with data: the side's total over its runs. */
    private static double perRun(SideMetric side) {
        return side.runs().isEmpty() ? side.aggregate() : side.aggregate() / side.runs().size();
    }

    private static MetricComparison result(Metric metric, SideMetric base, SideMetric head, MetricEvidence e,
            double q, Verdict verdict, String reason) {
        return new MetricComparison(metric, base.aggregate(), head.aggregate(), e.pValue(), q, e.effect(),
                e.units(), base.samples(), head.samples(), e.baseUnits(), e.headUnits(), verdict, reason, true);
    }
}
