package dev.quorumbench.analysis;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of one outcome (or all outcomes) of a fault class, in milliseconds with three decimals
 * (the histograms hold microseconds). Every figure but {@code count} is null when the histogram is empty.
 *
 * @param count  writes recorded
 * @param meanMs arithmetic mean
 * @param p50Ms  median
 * @param p90Ms  90th percentile
 * @param p99Ms  99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs  largest value (HdrHistogram's highest equivalent value, within 3 significant digits)
 */
public record LatencyStats(long count, Double meanMs, Double p50Ms, Double p90Ms, Double p99Ms, Double p999Ms,
                           Double maxMs) {

    /** Figures of a histogram in microseconds. */
    public static LatencyStats of(Histogram us) {
        long count = us.getTotalCount();
        if (count == 0) {
            return new LatencyStats(0, null, null, null, null, null, null);
        }
        return new LatencyStats(count, ms(us.getMean()), ms(us.getValueAtPercentile(50.0)),
                ms(us.getValueAtPercentile(90.0)), ms(us.getValueAtPercentile(99.0)),
                ms(us.getValueAtPercentile(99.9)), ms(us.getMaxValue()));
    }

    /** Microseconds to milliseconds rounded to 3 decimals (i.e. to the microsecond). */
    static double ms(double micros) {
        return Math.round(micros) / 1000.0;
    }
}
