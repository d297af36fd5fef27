package dev.quorumbench.analysis.compare;

/** Which way a metric gets better: the meaning of the metric, not of the sign of its change. */
public enum Direction {
    /** Latency, counts of failures, lost writes, times: less is better. */
    LOWER_IS_BETTER,
    /** Convergence fractions: more is better. */
    HIGHER_IS_BETTER;

    /** True when going from {@code base} to {@code head} makes the metric worse. */
    public boolean worse(double base, double head) {
        return this == LOWER_IS_BETTER ? head > base : head < base;
    }
}
