package dev.quorumbench.bench;

import org.HdrHistogram.Histogram;

/**
 * The acknowledged writes' latency of the fork's last measured cycle, handed from the trial (which records it at
 * iteration teardown) to {@link LatencyProfiler} (which JMH calls after the iteration) in the same fork.
 */
public final class CycleLatency {

    private static Histogram last;

    private CycleLatency() {
    }

    /** Publishes a copy: the recorders reuse their interval histograms next cycle. */
    public static synchronized void publish(Histogram okMicros) {
        last = okMicros.copy();
    }

    /** The last published cycle's histogram, or null; each cycle is taken once. */
    public static synchronized Histogram take() {
        Histogram h = last;
        last = null;
        return h;
    }
}
