package dev.quorumbench.analysis.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a comparison prints a metric's values, its change and its p-value; fixed formats keep outputs byte-stable. */
public final class MetricFormat {

    private MetricFormat() {
    }

    /** A value in the metric's unit with the metric's decimals; fractions are cut, not rounded (0.99499 ≠ 0.9950). */
    public static String value(Metric m, double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        RoundingMode mode = m.unit().isEmpty() ? RoundingMode.DOWN : RoundingMode.HALF_EVEN;
        return BigDecimal.valueOf(v).setScale(m.decimals(), mode).toPlainString();
    }

    /** "+5.000 (+47.6%)", "-0.0010", "0" or "-" when a side is missing. */
    public static String change(MetricComparison c) {
        double d = c.change();
        if (Double.isNaN(d)) {
            return "-";
        }
        if (d == 0) {
            return "0";
        }
        String abs = (d > 0 ? "+" : "") + BigDecimal.valueOf(d).setScale(c.metric().decimals(), RoundingMode.HALF_EVEN)
                .toPlainString();
        double rel = c.relativeChange();
        if (c.metric().unit().isEmpty() || Double.isNaN(rel)) {
            return abs;
        }
        return abs + " (" + (rel > 0 ? "+" : "") + Decimals.fixed(rel * 100, 1) + "%)";
    }

    /** "+5.020 [+4.100, +5.900]" in the metric's decimals, or "-" when there was no test. */
    public static String effect(MetricComparison c) {
        HierarchicalBootstrap.Interval e = c.effect();
        if (e == null) {
            return "-";
        }
        return signed(c.metric(), e.estimate()) + " [" + signed(c.metric(), e.low()) + ", "
                + signed(c.metric(), e.high()) + "]";
    }

    private static String signed(Metric m, double v) {
        String s = BigDecimal.valueOf(v).setScale(m.decimals(), RoundingMode.HALF_EVEN).toPlainString();
        return v > 0 && !s.matches("[0.]+") ? "+" + s : s.replaceFirst("^-(?=[0.]+$)", "");
    }

    /** "0.012", "<0.001" or "-" when the test was not run. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 0.001 ? "<0.001" : Decimals.fixed(p, 3);
    }
}
