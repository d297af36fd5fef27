package dev.quorumbench.analysis.compare;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The effect of head on a metric with a percentile confidence interval, from a two-level bootstrap: resample a
 * side's units (runs or blocks) with replacement, then the cycles inside each drawn unit, and take the mean of
 * the unit means. Resampling units first keeps the variation between runs in the interval instead of treating it
 * as signal. Seeded, so the same inputs always give the same interval.
 */
public final class HierarchicalBootstrap {

    /** Resamples per interval: enough for stable 2.5 % / 97.5 % percentiles, cheap on 45 metrics. */
    public static final int RESAMPLES = 2000;

    /**
     * Effect head − base of the mean of unit means, and its interval.
     *
     * @param estimate the observed effect
     * @param low      lower bound of the interval
     * @param high     upper bound of the interval
     */
    public record Interval(double estimate, double low, double high) {

        /** True when the whole interval lies strictly on one side of zero. */
        public boolean excludesZero() {
            return low > 0 || high < 0;
        }
    }

    private HierarchicalBootstrap() {
    }

    /** The {@code confidence} (e.g. 0.95) interval of head − base from {@code resamples} draws seeded by {@code seed}. */
    public static Interval difference(List<double[]> base, List<double[]> head, double confidence, int resamples,
            long seed) {
        if (base.isEmpty() || head.isEmpty()) {
            throw new IllegalArgumentException("a side has no unit");
        }
        double estimate = meanOfMeans(head) - meanOfMeans(base);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] d = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            d[r] = draw(head, rnd) - draw(base, rnd);
        }
        return interval(estimate, d, confidence);
    }

    /**
     * As {@link #difference}, for paired units (base.get(k) ran beside head.get(k)): whole pairs are resampled, then
     * the cycles inside each side of a drawn pair, so the interval keeps the pairing the test relies on.
     */
    public static Interval pairedDifference(List<double[]> base, List<double[]> head, double confidence,
            int resamples, long seed) {
        if (base.isEmpty() || base.size() != head.size()) {
            throw new IllegalArgumentException("pairs need equal, non-empty sides: " + base.size() + " vs " + head.size());
        }
        double estimate = meanOfMeans(head) - meanOfMeans(base);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] d = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int k = 0; k < base.size(); k++) {
                int pair = rnd.nextInt(base.size());
                sum += drawMean(head.get(pair), rnd) - drawMean(base.get(pair), rnd);
            }
            d[r] = sum / base.size();
        }
        return interval(estimate, d, confidence);
    }

    private static Interval interval(double estimate, double[] d, double confidence) {
        Arrays.sort(d);
        int resamples = d.length;
        double tail = (1 - confidence) / 2;
        int lo = (int) Math.floor(tail * resamples);
        int hi = (int) Math.ceil((1 - tail) * resamples) - 1;
        return new Interval(estimate, d[Math.max(0, lo)], d[Math.min(resamples - 1, hi)]);
    }

    private static double drawMean(double[] unit, SplittableRandom rnd) {
        double s = 0;
        for (int c = 0; c < unit.length; c++) {
            s += unit[rnd.nextInt(unit.length)];
        }
        return s / unit.length;
    }

    private static double draw(List<double[]> units, SplittableRandom rnd) {
        double sum = 0;
        for (int u = 0; u < units.size(); u++) {
            sum += drawMean(units.get(rnd.nextInt(units.size())), rnd);
        }
        return sum / units.size();
    }

    static double meanOfMeans(List<double[]> units) {
        double s = 0;
        for (double[] u : units) {
            s += Units.mean(u);
        }
        return s / units.size();
    }
}
