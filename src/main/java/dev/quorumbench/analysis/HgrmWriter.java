package dev.quorumbench.analysis;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;

/** Renders a latency histogram (microseconds) as HdrHistogram's percentile-distribution text in milliseconds. */
public final class HgrmWriter {

    /** Percentile ticks per half distance, HdrHistogram's usual 5. */
    static final int TICKS_PER_HALF_DISTANCE = 5;
    /** Microseconds per millisecond: the output value unit ratio. */
    static final double US_PER_MS = 1000.0;

    private HgrmWriter() {
    }

    /**
     * The shape of the campaign's recorders (60 s in microseconds, 3 digits). HistogramLogProcessor sums a log into
     * a histogram shaped like its first interval, so rendering from this shape makes its footer (the bucket count)
     * and ours the same bytes.
     */
    static final long RECORDER_HIGHEST_US = 60_000_000L;

    public static String render(Histogram us) {
        Histogram shaped = new Histogram(RECORDER_HIGHEST_US, LatencyHistograms.SIGNIFICANT_DIGITS);
        shaped.setAutoResize(true);
        shaped.add(us);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            shaped.outputPercentileDistribution(ps, TICKS_PER_HALF_DISTANCE, US_PER_MS);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
