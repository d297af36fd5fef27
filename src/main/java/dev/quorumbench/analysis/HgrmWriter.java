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

    public static String render(Histogram us) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            us.outputPercentileDistribution(ps, TICKS_PER_HALF_DISTANCE, US_PER_MS);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
