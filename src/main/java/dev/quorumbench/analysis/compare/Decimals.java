package dev.quorumbench.analysis.compare;

import java.math.BigDecimal;

/** Number formatting of comparisons: plain decimals, no exponent, no locale. */
public final class Decimals {

    private Decimals() {
    }

    /** The shortest plain decimal of {@code v}: 0.5, 10, 0.002. */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** {@code v} rounded to {@code decimals} places, as a plain decimal (Locale-independent). */
    public static String fixed(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
