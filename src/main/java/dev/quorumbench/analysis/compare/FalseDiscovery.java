package dev.quorumbench.analysis.compare;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg adjustment of the p-values of one family of tests (every fault class × metric tested in a
 * comparison): a metric counts as significant when its adjusted p-value (q) is below alpha, which keeps the
 * expected share of false findings among the findings at alpha instead of letting 45 tests each spend it.
 */
public final class FalseDiscovery {

    private FalseDiscovery() {
    }

    /** The adjusted p-values, index for index; a NaN entry (no test) stays NaN and is not counted in the family. */
    public static double[] adjust(double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i]))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        int m = order.length;
        double running = 1.0;
        // Step-up: from the largest p down, q_(k) = min over j >= k of p_(j) * m / j.
        for (int k = m; k >= 1; k--) {
            int i = order[k - 1];
            running = Math.min(running, p[i] * m / k);
            q[i] = running;
        }
        return q;
    }
}
