package dev.quorumbench.store;

import dev.quorumbench.time.Deadline;

/**
 * The bounds of one node listing: at most {@code maxRows} ids and no request started after {@code deadline}, so
 * a hostile or stuck node cannot make a read-back endless or unbounded in memory.
 */
public record ListLimits(int maxRows, Deadline deadline) {

    public ListLimits {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, was " + maxRows);
        }
        java.util.Objects.requireNonNull(deadline, "deadline");
    }
}
