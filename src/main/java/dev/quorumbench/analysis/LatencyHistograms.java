package dev.quorumbench.analysis;

import org.HdrHistogram.Histogram;

/** The one histogram shape analysis merges into: microseconds, 3 significant digits, growing as values need. */
public final class LatencyHistograms {

    /** Significant digits of every latency histogram of the run-dir contract. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private LatencyHistograms() {
    }

    /** A new empty histogram that grows, so merging intervals of any range never overflows. */
    public static Histogram empty() {
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }
}
