package dev.quorumbench.analysis.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The x axis of an HdrHistogram-style percentile plot: percentile p is placed at log10(1 / (1 − p)), so 0%, 90%,
 * 99%, 99.9%, 99.99% are equally spaced at 0, 1, 2, 3, 4.
 *
 * <p>The log is taken here rather than by XChart's logarithmic axis because XChart 3.8.8 computes linear tick
 * positions when a custom tick label formatter is set on a logarithmic axis, which mislabels every tick.
 */
public final class PercentileAxis {

    private PercentileAxis() {
    }

    /** The axis position of a percentile given as a fraction (0.99 → 2); capped at {@code maxPosition}. */
    public static double position(double fraction, double maxPosition) {
        if (fraction >= 1) {
            return maxPosition;
        }
        return Math.min(maxPosition, Math.log10(1.0 / (1.0 - fraction)));
    }

    /**
     * The largest useful position for {@code count} samples: beyond percentile 1 − 1/count every value is the max,
     * so the axis ends at log10(count) (at least 1, so a tiny sample still shows 0%–90%).
     */
    public static double maxPosition(long count) {
        return Math.max(1.0, Math.log10(Math.max(1, count)));
    }

    /** The tick label of an axis position: "0%", "90%", "99%", "99.9%", "99.99%"; "" between whole decades. */
    public static String label(double position) {
        double k = Math.rint(position);
        if (Math.abs(position - k) > 1e-6 || k < 0) {
            return "";
        }
        int decimals = (int) Math.max(0, k - 2);
        BigDecimal percent = BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(100).movePointLeft((int) k))
                .setScale(decimals, RoundingMode.HALF_EVEN);
        return k == 0 ? "0%" : percent.toPlainString() + "%";
    }
}
