package dev.quorumbench.analysis.compare;

/**
 * The smallest change of a metric worth a verdict: the change must reach BOTH the absolute and the relative
 * minimum (a zero minimum does not constrain).
 *
 * @param absolute minimum |head − base| in the metric's unit (ms, writes, fraction)
 * @param relative minimum |head − base| / |base| as a fraction (0.10 = 10 %); ignored when base is 0
 */
public record MinEffect(double absolute, double relative) {

    /** Floating-point slack so that 0.998 − 0.996 counts as reaching 0.002. */
    private static final double SLACK = 1e-9;

    public MinEffect {
        if (!(absolute >= 0) || !(relative >= 0) || Double.isInfinite(absolute) || Double.isInfinite(relative)) {
            throw new IllegalArgumentException("min effect must be finite and >= 0, got absolute=" + absolute
                    + " relative=" + relative);
        }
    }

    /** True when the change from base to head is at least this minimum; no change never is. */
    public boolean reachedBy(double base, double head) {
        double delta = Math.abs(head - base);
        if (delta == 0) {
            return false;
        }
        if (delta < absolute - SLACK * Math.max(1, absolute)) {
            return false;
        }
        return base == 0 || delta / Math.abs(base) >= relative - SLACK;
    }

    /** "10% and 0.5 ms", for the documentation of defaults in reports. */
    public String describe(String unit) {
        String abs = Decimals.plain(absolute) + (unit.isEmpty() ? "" : " " + unit);
        if (relative == 0) {
            return abs;
        }
        String rel = Decimals.plain(relative * 100) + "%";
        return absolute == 0 ? rel : rel + " and " + abs;
    }
}
