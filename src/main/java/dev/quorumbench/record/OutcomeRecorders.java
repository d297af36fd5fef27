package dev.quorumbench.record;

import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.Outcome;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One HdrHistogram {@link Recorder} per outcome, in microseconds, so each cycle's interval can be taken without
 * stopping the writer and the latency of acknowledged writes is never mixed with timeouts.
 */
public final class OutcomeRecorders {

    public static final int SIGNIFICANT_DIGITS = 3;

    private final Map<Outcome, Recorder> recorders = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Histogram> recycled = new EnumMap<>(Outcome.class);

    public OutcomeRecorders() {
        for (Outcome o : Outcome.values()) {
            // Auto-resizing: no highest trackable value, so no latency is ever clamped. A fixed 60 s range once
            // recorded a 168 s write as 60.03 s; in open loop, latency from the intended start has no bound at all.
            recorders.put(o, new Recorder(SIGNIFICANT_DIGITS));
        }
    }

    public void record(Outcome outcome, long latencyNanos) {
        long micros = Math.max(1, latencyNanos / 1_000L);
        recorders.get(outcome).recordValue(micros);
    }

    /** Everything recorded since the previous call, per outcome; the returned histograms are reused next call. */
    public Map<Outcome, Histogram> interval() {
        Map<Outcome, Histogram> out = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            Histogram h = recorders.get(o).getIntervalHistogram(recycled.get(o));
            recycled.put(o, h);
            out.put(o, h);
        }
        return out;
    }

    /** A cycle's percentile summary of one histogram, microseconds (pure). */
    public static CycleRecord.LatencySummary summary(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new CycleRecord.LatencySummary(0, 0, 0, 0, 0, 0);
        }
        return new CycleRecord.LatencySummary(h.getTotalCount(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }
}
