package dev.quorumbench.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The fixed number formats of every report, so outputs are byte-stable. */
final class Numbers {

    private Numbers() {
    }

    /** A fraction for humans: at most 6 decimals, no trailing zeros ("0.96154", "0.995", "1"). */
    static String ratio(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A fraction for JSON: exactly 6 decimals. */
    static BigDecimal ratioDecimal(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
    }

    /** Milliseconds for JSON: exactly 3 decimals. */
    static BigDecimal msDecimal(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN);
    }

    /** Milliseconds for tables: 3 decimals, or "-" when absent. */
    static String ms(Double v) {
        return v == null ? "-" : msDecimal(v).toPlainString();
    }

    /** A fraction for tables: 4 decimals cut, not rounded (0.99499 must not read as 0.9950), or "-". */
    static String ratio4(Double v) {
        return v == null ? "-" : BigDecimal.valueOf(v).setScale(4, RoundingMode.DOWN).toPlainString();
    }
}
