package dev.quorumbench.analysis.compare;

/**
 * The verdict on one metric of one fault class, with the numbers behind it.
 *
 * @param metric     the metric
 * @param base       the base run's class-level value (NaN when absent)
 * @param head       the head run's class-level value (NaN when absent)
 * @param pValue     two-sided Mann–Whitney U p-value of the per-cycle samples (NaN when not computed)
 * @param baseCycles per-cycle samples in the base run
 * @param headCycles per-cycle samples in the head run
 * @param verdict    improved, unchanged, regressed or inconclusive
 * @param reason     one short phrase saying why
 */
public record MetricComparison(Metric metric, double base, double head, double pValue, int baseCycles,
        int headCycles, Verdict verdict, String reason) {

    /** head − base. */
    public double change() {
        return head - base;
    }

    /** (head − base) / |base|, NaN when base is 0 or absent. */
    public double relativeChange() {
        return base == 0 || Double.isNaN(base) ? Double.NaN : (head - base) / Math.abs(base);
    }
}
