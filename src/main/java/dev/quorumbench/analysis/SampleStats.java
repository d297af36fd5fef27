package dev.quorumbench.analysis;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles of a small per-cycle sample (time to converge, recovery time, measured skew), in
 * milliseconds.
 *
 * @param count how many cycles had a value
 * @param p50   median (nearest rank)
 * @param p99   99th percentile (nearest rank)
 * @param max   largest value
 */
public record SampleStats(int count, long p50, long p99, long max) {

    /** The statistics of {@code values}, or null when there are none (no cycle measured it). */
    public static SampleStats of(Collection<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new SampleStats(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The smallest value with at least {@code percentile}% of the sample at or below it. */
    static long nearestRank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
