package dev.quorumbench.analysis.compare;

/**
 * One metric of one fault class in one run: the value reported for the whole class and the per-cycle values
 * the statistical test uses.
 *
 * @param aggregate the class-level value (NaN when the run has no data for it, e.g. recovery time of a partition)
 * @param perCycle  one value per measured cycle that had data for it
 */
public record MetricSamples(double aggregate, double[] perCycle) {

    /** A metric the run has no data for. */
    public static final MetricSamples NONE = new MetricSamples(Double.NaN, new double[0]);

    public MetricSamples {
        perCycle = perCycle.clone();
    }

    public boolean present() {
        return !Double.isNaN(aggregate);
    }

    @Override
    public double[] perCycle() {
        return perCycle.clone();
    }

    /** Number of per-cycle samples. */
    public int size() {
        return perCycle.length;
    }
}
