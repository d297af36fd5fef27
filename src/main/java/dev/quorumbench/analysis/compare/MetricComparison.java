package dev.quorumbench.analysis.compare;

/**
 * The verdict on one metric of one fault class, with the numbers behind it.
 *
 * @param metric     the metric
 * @param base       the base side's class-level value (NaN when absent)
 * @param head       the head side's class-level value (NaN when absent)
 * @param pValue     two-sided Mann–Whitney U p-value over the units (NaN when not tested)
 * @param qValue     the p-value adjusted for the false discovery rate over every tested metric (NaN when not tested)
 * @param effect     head − base of the mean per-cycle value, with its bootstrap interval (null when not tested)
 * @param units      what a unit of the test was: runs or blocks of cycles (null when not tested)
 * @param baseCycles per-cycle samples on the base side
 * @param headCycles per-cycle samples on the head side
 * @param baseUnits  units on the base side
 * @param headUnits  units on the head side
 * @param verdict    improved, unchanged, regressed or inconclusive
 * @param reason     one short phrase saying why
 * @param gated      true when the verdict counts for the outcome; false = reported only, outside the gate's family
 */
public record MetricComparison(Metric metric, double base, double head, double pValue, double qValue,
        HierarchicalBootstrap.Interval effect, Units.Kind units, int baseCycles, int headCycles, int baseUnits,
        int headUnits, Verdict verdict, String reason, boolean gated) {

    /** This comparison, reported only: outside the gate's family, so it cannot decide the outcome. */
    public MetricComparison outsideGate() {
        return new MetricComparison(metric, base, head, pValue, qValue, effect, units, baseCycles, headCycles,
                baseUnits, headUnits, verdict, reason, false);
    }

    /** head − base. */
    public double change() {
        return head - base;
    }

    /** (head − base) / |base|, NaN when base is 0 or absent. */
    public double relativeChange() {
        return base == 0 || Double.isNaN(base) ? Double.NaN : (head - base) / Math.abs(base);
    }
}
