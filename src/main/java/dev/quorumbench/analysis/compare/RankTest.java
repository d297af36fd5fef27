package dev.quorumbench.analysis.compare;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The two-sided Mann–Whitney U test on the units of two sides (Apache Commons Statistics): exact for small samples
 * without ties, where a normal approximation is poor; with ties or 50+ units, the normal approximation with
 * continuity and tie correction.
 */
public final class RankTest {

    private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED).with(PValueMethod.AUTO);

    private RankTest() {
    }

    /** The p-value; 1 when every value on both sides is the same (nothing to rank apart). */
    public static double pValue(double[] base, double[] head) {
        if (base.length == 0 || head.length == 0) {
            throw new IllegalArgumentException("a side has no unit");
        }
        double p = TEST.test(base, head).getPValue();
        return Double.isNaN(p) ? 1.0 : Math.min(1.0, p);
    }

    /**
     * The smallest two-sided p-value the exact test can give with {@code n} and {@code m} units: 2 / C(n+m, n).
     * When it is not below alpha, no outcome of the test could be significant.
     */
    public static double smallestPValue(int n, int m) {
        double c = 1; // C(n+m, n) built as a product, exact enough for the sizes that matter
        for (int i = 1; i <= Math.min(n, m); i++) {
            c = c * (Math.max(n, m) + i) / i;
        }
        return Math.min(1.0, 2 / c);
    }
}
