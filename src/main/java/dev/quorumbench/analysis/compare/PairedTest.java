package dev.quorumbench.analysis.compare;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The two-sided Wilcoxon signed-rank test on paired units (Apache Commons Statistics): in an interleaved campaign
 * the k-th base block and the k-th head block ran next to each other (ABBA), so their difference carries the
 * change and little of the drift that both shared. Warm-up and machine drift that dwarf a +3 ms slowdown between
 * blocks cancel within a pair, which the unpaired rank test cannot use.
 */
public final class PairedTest {

    private static final WilcoxonSignedRankTest TEST = WilcoxonSignedRankTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED).with(PValueMethod.AUTO);

    private PairedTest() {
    }

    /** The p-value of head − base over the pairs; 1 when no pair differs (nothing to rank). */
    public static double pValue(double[] base, double[] head) {
        if (base.length == 0 || base.length != head.length) {
            throw new IllegalArgumentException("pairs need equal, non-empty sides: " + base.length + " vs " + head.length);
        }
        double[] d = new double[base.length];
        boolean any = false;
        for (int i = 0; i < d.length; i++) {
            d[i] = head[i] - base[i];
            any |= d[i] != 0;
        }
        if (!any) {
            return 1.0;
        }
        double p = TEST.test(d).getPValue();
        return Double.isNaN(p) ? 1.0 : Math.min(1.0, p);
    }

    /** The smallest two-sided p-value the exact test can give with {@code pairs} pairs: 2 / 2^pairs. */
    public static double smallestPValue(int pairs) {
        return Math.min(1.0, 2 / Math.pow(2, pairs));
    }
}
