package dev.quorumbench.record;

import dev.quorumbench.run.Outcome;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes {@code latency-<fault>.hlog}: an HdrHistogram interval log with, per cycle, one interval per outcome tagged
 * with the outcome's name and one untagged interval of all outcomes, readable by HistogramLogReader and
 * HistogramLogProcessor.
 */
public final class LatencyLog implements Closeable {

    /**
     * The header line that states the unit and how HdrHistogram's own tool reproduces analysis's {@code .hgrm}:
     * the tool assumes nanoseconds, and without {@code -tag} it reads only untagged intervals.
     */
    public static final String UNIT_COMMENT = "values in microseconds; untagged interval = all outcomes of a cycle,"
            + " Tag=<outcome> = one outcome (ok, quorum_not_met, fail); milliseconds: HistogramLogProcessor"
            + " -i <this file> -outputValueUnitRatio 1000 [-tag <outcome>]";

    private final PrintStream stream;
    private final HistogramLogWriter writer;

    /** Opens (appends to) the log; {@code startMs} is the campaign start, the base of interval timestamps. */
    public LatencyLog(Path file, long startMs, String comment) throws IOException {
        boolean fresh = !file.toFile().exists() || file.toFile().length() == 0;
        this.stream = new PrintStream(new FileOutputStream(file.toFile(), true), false, "UTF-8");
        this.writer = new HistogramLogWriter(stream);
        writer.setBaseTime(startMs);
        if (fresh) {
            writer.outputComment(comment);
            writer.outputComment(UNIT_COMMENT);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.outputLegend();
        }
        stream.flush();
    }

    /**
     * Appends the cycle's tagged intervals (outcomes with no writes are skipped), then the untagged all-outcomes
     * interval, and flushes. The untagged one exists because HistogramLogProcessor without {@code -tag} reads only
     * untagged intervals and fails on a log that has none.
     */
    public void append(Map<Outcome, Histogram> interval, long cycleStartMs, long cycleEndMs) throws IOException {
        Histogram all = null;
        for (Map.Entry<Outcome, Histogram> e : interval.entrySet()) {
            Histogram h = e.getValue();
            if (h.getTotalCount() == 0) {
                continue;
            }
            if (all == null) {
                // Shaped like the recorders' histograms, so every interval of the log has one shape.
                all = new Histogram(h.getHighestTrackableValue(), h.getNumberOfSignificantValueDigits());
            }
            all.add(h);
            stamp(h, cycleStartMs, cycleEndMs);
            h.setTag(e.getKey().key());
            writer.outputIntervalHistogram(h);
        }
        if (all != null) {
            stamp(all, cycleStartMs, cycleEndMs);
            writer.outputIntervalHistogram(all);
        }
        stream.flush();
        // PrintStream swallows I/O errors (a full disk); a lost interval must not pass unnoticed.
        if (stream.checkError()) {
            throw new IOException("cannot write the latency log");
        }
    }

    private static void stamp(Histogram h, long cycleStartMs, long cycleEndMs) {
        h.setStartTimeStamp(cycleStartMs);
        h.setEndTimeStamp(Math.max(cycleEndMs, cycleStartMs + 1));
    }

    @Override
    public void close() {
        stream.close();
    }
}
