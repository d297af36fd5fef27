package dev.quorumbench.analysis.compare;

import java.util.List;

/**
 * The statistics of one metric of one fault class before the family's false-discovery adjustment: the units each
 * side was cut into, the rank test's p-value over unit means and the bootstrap interval of the effect.
 *
 * @param units     what a unit is
 * @param baseUnits units on the base side
 * @param headUnits units on the head side
 * @param pValue    two-sided Mann–Whitney U p-value, NaN when not tested (too few units to reach alpha)
 * @param effect    the effect and its interval, null when not tested
 * @param untested  why there is no test, null when there is one
 */
public record MetricEvidence(Units.Kind units, int baseUnits, int headUnits, double pValue,
        HierarchicalBootstrap.Interval effect, String untested) {

    /** No test because a side has no data. */
    public static final MetricEvidence NONE = new MetricEvidence(null, 0, 0, Double.NaN, null, "no data");

    public boolean tested() {
        return untested == null;
    }

    /** The evidence for {@code base} against {@code head}; {@code seed} makes the bootstrap reproducible. */
    public static MetricEvidence of(SideMetric base, SideMetric head, CompareSettings settings, long seed) {
        if (!base.present() || !head.present()) {
            return NONE;
        }
        Units.Kind kind = Units.kind(base.runs(), head.runs(), settings.minUnits());
        List<double[]> b = Units.of(base.runs(), kind, settings.blockCycles());
        List<double[]> h = Units.of(head.runs(), kind, settings.blockCycles());
        if (b.size() < settings.minUnits() || h.size() < settings.minUnits()) {
            return new MetricEvidence(kind, b.size(), h.size(), Double.NaN, null, "fewer than "
                    + settings.minUnits() + " " + kind.word() + " on a side (" + b.size() + " vs " + h.size() + ")");
        }
        if (RankTest.smallestPValue(b.size(), h.size()) >= settings.alpha()) {
            return new MetricEvidence(kind, b.size(), h.size(), Double.NaN, null, "too few " + kind.word()
                    + " for p < " + Decimals.plain(settings.alpha()) + " (" + b.size() + " vs " + h.size() + ")");
        }
        double p = RankTest.pValue(Units.means(b), Units.means(h));
        HierarchicalBootstrap.Interval effect = HierarchicalBootstrap.difference(b, h, 1 - settings.alpha(),
                HierarchicalBootstrap.RESAMPLES, seed);
        return new MetricEvidence(kind, b.size(), h.size(), p, effect, null);
    }
}
