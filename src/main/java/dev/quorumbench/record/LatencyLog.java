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
 * Writes {@code latency-<fault>.hlog}: an HdrHistogram interval log with one interval per cycle per outcome,
 * tagged with the outcome's name, readable by HistogramLogReader and HistogramLogProcessor.
 */
public final class LatencyLog implements Closeable {

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
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.outputLegend();
        }
        stream.flush();
    }

    /** Appends the cycle's intervals (outcomes with no writes are skipped) and flushes. */
    public void append(Map<Outcome, Histogram> interval, long cycleStartMs, long cycleEndMs) throws IOException {
        for (Map.Entry<Outcome, Histogram> e : interval.entrySet()) {
            Histogram h = e.getValue();
            if (h.getTotalCount() == 0) {
                continue;
            }
            h.setTag(e.getKey().key());
            h.setStartTimeStamp(cycleStartMs);
            h.setEndTimeStamp(Math.max(cycleEndMs, cycleStartMs + 1));
            writer.outputIntervalHistogram(h);
        }
        stream.flush();
        // PrintStream swallows I/O errors (a full disk); a lost interval must not pass unnoticed.
        if (stream.checkError()) {
            throw new IOException("cannot write the latency log");
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
