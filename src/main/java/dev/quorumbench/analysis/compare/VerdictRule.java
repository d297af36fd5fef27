package dev.quorumbench.analysis.compare;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Decides the verdict on one metric from the class-level effect and a Mann–Whitney U test on per-cycle samples.
 *
 * <p>Unchanged: the effect is below the minimum. Regressed / improved: the effect reaches the minimum in the bad /
 * good direction and the two-sided p-value is below alpha. Inconclusive: the effect reaches the minimum but
 * p ≥ alpha, or a side has too few cycles. One exception: a lost acknowledged write in head when base lost none is
 * a regression whatever the statistics say, because losing an acknowledged write is a broken contract, not noise.
 */
public final class VerdictRule {

    private VerdictRule() {
    }

    /** Judges {@code metric}; returns null when neither run has data for it. */
    public static MetricComparison judge(Metric metric, MetricSamples base, MetricSamples head,
            CompareSettings settings) {
        if (!base.present() && !head.present()) {
            return null;
        }
        double b = base.aggregate();
        double h = head.aggregate();
        if (!base.present() || !head.present()) {
            return result(metric, base, head, Double.NaN, Verdict.INCONCLUSIVE,
                    "no data in " + (base.present() ? "head" : "base"));
        }
        double p = pValue(base, head, settings.minSamples());
        if (metric == Metric.LOST_ACKNOWLEDGED && b == 0 && h > 0) {
            return result(metric, base, head, p, Verdict.REGRESSED, "acknowledged writes lost; base lost none");
        }
        if (!settings.minEffect(metric).reachedBy(b, h)) {
            return result(metric, base, head, p, Verdict.UNCHANGED, b == h ? "no change" : "below minimum effect");
        }
        if (Double.isNaN(p)) {
            return result(metric, base, head, p, Verdict.INCONCLUSIVE, "fewer than " + settings.minSamples()
                    + " cycles on a side");
        }
        if (p >= settings.alpha()) {
            return result(metric, base, head, p, Verdict.INCONCLUSIVE, "not significant");
        }
        boolean worse = metric.direction().worse(b, h);
        return result(metric, base, head, p, worse ? Verdict.REGRESSED : Verdict.IMPROVED,
                worse ? "worse and significant" : "better and significant");
    }

    /** Two-sided Mann–Whitney U p-value, or NaN when a side has fewer than {@code minSamples} values. */
    static double pValue(MetricSamples base, MetricSamples head, int minSamples) {
        if (base.size() < minSamples || head.size() < minSamples) {
            return Double.NaN;
        }
        // commons-math 3.6.1 uses the normal approximation without tie correction: conservative when many
        // cycles tie (e.g. counts that are mostly 0), never anti-conservative.
        double p = new MannWhitneyUTest().mannWhitneyUTest(base.perCycle(), head.perCycle());
        return Double.isNaN(p) ? 1.0 : Math.min(1.0, p);
    }

    private static MetricComparison result(Metric metric, MetricSamples base, MetricSamples head, double p,
            Verdict verdict, String reason) {
        return new MetricComparison(metric, base.aggregate(), head.aggregate(), p, base.size(), head.size(),
                verdict, reason);
    }
}
