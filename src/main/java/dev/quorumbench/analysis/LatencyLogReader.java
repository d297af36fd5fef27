package dev.quorumbench.analysis;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.Outcome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Parses the text of a {@code latency-<fault>.hlog} with HdrHistogram's {@link HistogramLogReader}: merges the
 * intervals per outcome tag and keeps each interval for timelines. Untagged intervals (all outcomes of a cycle, for
 * HdrHistogram's own tools) are skipped: they repeat the tagged ones. A cut-off last interval is reported, not fatal.
 */
final class LatencyLogReader {

    /** The merged histograms, the intervals and whether the last interval was dropped as cut off. */
    record Parsed(Map<Outcome, Histogram> histograms, List<LatencyInterval> intervals, boolean truncated) {
    }

    private LatencyLogReader() {
    }

    static Parsed parse(String fileName, String text) {
        return parse(fileName, text, true);
    }

    /**
     * Parses the log; with {@code keepIntervals} false the intervals are merged and dropped (about 140 KB each
     * for the contract's 60 s range), which keeps analysis of a full campaign light.
     */
    static Parsed parse(String fileName, String text, boolean keepIntervals) {
        List<Integer> intervalLines = intervalLineNumbers(text);
        Map<Outcome, Histogram> merged = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            merged.put(o, LatencyHistograms.empty());
        }
        List<LatencyInterval> intervals = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        boolean truncated = false;
        int read = 0;
        while (true) {
            EncodableHistogram e;
            try {
                e = reader.nextIntervalHistogram();
            } catch (RuntimeException ex) {
                // The reader fails on the interval after the last one it returned; only the file's last may be cut.
                int bad = read;
                if (bad >= intervalLines.size() - 1) {
                    truncated = true;
                    break;
                }
                throw new InvalidInputException(fileName + ":" + intervalLines.get(bad)
                        + ": not a histogram interval (" + ex.getClass().getSimpleName() + ")");
            }
            if (e == null) {
                break;
            }
            int lineNr = intervalLines.isEmpty() ? 0 : intervalLines.get(Math.min(read,
                    intervalLines.size() - 1));
            if (!(e instanceof Histogram h)) {
                throw new InvalidInputException(fileName + ":" + lineNr + ": expected an integer histogram");
            }
            if (h.getTag() == null) {
                read++;
                continue;
            }
            Outcome outcome;
            try {
                outcome = Outcome.fromKey(h.getTag());
            } catch (IllegalArgumentException ex) {
                throw new InvalidInputException(fileName + ":" + lineNr + ": " + ex.getMessage());
            }
            merged.get(outcome).add(h);
            double startSec = h.getStartTimeStamp() / 1000.0 - reader.getStartTimeSec();
            double endSec = h.getEndTimeStamp() / 1000.0 - reader.getStartTimeSec();
            if (keepIntervals) {
                intervals.add(new LatencyInterval(startSec, endSec, outcome, h));
            }
            read++;
        }
        // The reader silently stops at some partial lines; an interval line it did not return is cut off when it
        // is the last one, and malformed otherwise.
        if (!truncated && read < intervalLines.size()) {
            if (read == intervalLines.size() - 1) {
                truncated = true;
            } else {
                throw new InvalidInputException(fileName + ":" + intervalLines.get(read)
                        + ": not a histogram interval");
            }
        }
        return new Parsed(Collections.unmodifiableMap(merged), Collections.unmodifiableList(intervals), truncated);
    }

    /** 1-based line numbers of the interval lines: everything but comments, the CSV legend and blank lines. */
    private static List<Integer> intervalLineNumbers(String text) {
        List<Integer> result = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("\"")) {
                result.add(i + 1);
            }
        }
        return result;
    }
}
