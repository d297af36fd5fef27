package dev.quorumbench.analysis.compare;

import java.util.stream.IntStream;

/**
 * One metric of one fault class in one run: the value reported for the whole class and the per-cycle values
 * the statistical test uses.
 *
 * @param aggregate the class-level value (NaN when the run has no data for it, e.g. recovery time of a partition)
 * @param perCycle  one value per measured cycle that had data for it
 * @param positions the 0-based cycle each of those values came from (ascending), so blocks are cut by cycle
 */
public record MetricSamples(double aggregate, double[] perCycle, int[] positions) {

    /** A metric the run has no data for. */
    public static final MetricSamples NONE = new MetricSamples(Double.NaN, new double[0]);

    public MetricSamples {
        perCycle = perCycle.clone();
        positions = positions.clone();
        if (positions.length != perCycle.length) {
            throw new IllegalArgumentException("one position per value: " + positions.length + " positions for "
                    + perCycle.length + " values");
        }
    }

    /** Values of cycles 0, 1, 2, … with none missing. */
    public MetricSamples(double aggregate, double[] perCycle) {
        this(aggregate, perCycle, IntStream.range(0, perCycle.length).toArray());
    }

    public boolean present() {
        return !Double.isNaN(aggregate);
    }

    @Override
    public double[] perCycle() {
        return perCycle.clone();
    }

    @Override
    public int[] positions() {
        return positions.clone();
    }

    /** Number of per-cycle samples. */
    public int size() {
        return perCycle.length;
    }
}
