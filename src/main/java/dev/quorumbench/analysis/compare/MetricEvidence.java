package dev.quorumbench.analysis.compare;

import java.util.List;

/**
 * The statistics of one metric of one fault class before the family's false-discovery adjustment: the units each
 * side was cut into, the rank test's p-value over unit means and the bootstrap interval of the effect.
 *
 * @param units     what a unit is
 * @param baseUnits units on the base side
 * @param headUnits units on the head side
 * @param pValue    two-sided Mann–Whitney U p-value (Wilcoxon signed-rank for block pairs), NaN when not tested
 * @param effect    the effect and its interval, null when not tested
 * @param untested  why there is no test, null when there is one
 */
public record MetricEvidence(Units.Kind units, int baseUnits, int headUnits, double pValue,
        HierarchicalBootstrap.Interval effect, String untested) {

    /**
     * Pairs needed before the paired test is used: with fewer, its smallest p-value (2 / 2^n) is coarser than the
     * unpaired test's on the same blocks (8 pairs: 0.0078, as 5 against 5 blocks), so the choice is made on the
     * campaign's shape, never on which test gives the smaller p.
     */
    static final int MIN_PAIRS = 8;

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
        List<double[]> b = Units.of(base.runs(), base.positions(), kind, settings.blockCycles());
        List<double[]> h = Units.of(head.runs(), head.positions(), kind, settings.blockCycles());
        if (kind == Units.Kind.BLOCKS && paired(base, head, settings) && b.size() >= MIN_PAIRS) {
            return pairedEvidence(b, h, settings, seed);
        }
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

    /**
     * The blocks pair up when this is one interleaved campaign's two arms and every cycle of both has a value:
     * a cycle without one (no acknowledged write, no convergence) thins or empties its block on one side only, so
     * the k-th blocks no longer hold the same cycles, and then the unpaired test on blocks (cut by cycle,
     * {@link Units#of(List, List, Units.Kind, int)}) is the honest one.
     */
    static boolean paired(SideMetric base, SideMetric head, CompareSettings settings) {
        return settings.blockCycles() > 0 && base.runs().size() == 1 && head.runs().size() == 1
                && base.runs().get(0).length == base.cycles() && head.runs().get(0).length == head.cycles()
                && base.cycles() == head.cycles();
    }

    private static MetricEvidence pairedEvidence(List<double[]> b, List<double[]> h, CompareSettings settings,
            long seed) {
        Units.Kind kind = Units.Kind.PAIRS;
        if (b.size() < settings.minUnits()) {
            return new MetricEvidence(kind, b.size(), h.size(), Double.NaN, null, "fewer than "
                    + settings.minUnits() + " " + kind.word() + " (" + b.size() + ")");
        }
        if (PairedTest.smallestPValue(b.size()) >= settings.alpha()) {
            return new MetricEvidence(kind, b.size(), h.size(), Double.NaN, null, "too few " + kind.word()
                    + " for p < " + Decimals.plain(settings.alpha()) + " (" + b.size() + ")");
        }
        double p = PairedTest.pValue(Units.means(b), Units.means(h));
        HierarchicalBootstrap.Interval effect = HierarchicalBootstrap.pairedDifference(b, h, 1 - settings.alpha(),
                HierarchicalBootstrap.RESAMPLES, seed);
        return new MetricEvidence(kind, b.size(), h.size(), p, effect, null);
    }
}
