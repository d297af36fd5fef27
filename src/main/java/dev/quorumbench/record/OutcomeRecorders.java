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

    /**
     * 60 s, the shape every .hlog interval and .hgrm shares. A write is cut at its deadline (10 s by default), but
     * a longer deadline or an open-loop backlog can exceed it: such values are counted ({@link #takeOverRange}).
     */
    public static final long HIGHEST_TRACKABLE_MICROS = 60_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    private final Map<Outcome, Recorder> recorders = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Histogram> recycled = new EnumMap<>(Outcome.class);

    public OutcomeRecorders() {
        for (Outcome o : Outcome.values()) {
            recorders.put(o, new Recorder(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS));
        }
    }

    /** Values above the range since the last {@link #takeOverRange()}, all outcomes. */
    private final java.util.concurrent.atomic.AtomicLong overRange = new java.util.concurrent.atomic.AtomicLong();

    public void record(Outcome outcome, long latencyNanos) {
        long raw = latencyNanos / 1_000L;
        if (raw > HIGHEST_TRACKABLE_MICROS) {
            // Recorded at the maximum, and counted: the cycle record says how many (never clamped in silence).
            overRange.incrementAndGet();
        }
        long micros = Math.max(1, Math.min(HIGHEST_TRACKABLE_MICROS, raw));
        recorders.get(outcome).recordValue(micros);
    }

    /** How many latencies since the previous call were above the range (recorded at its maximum); resets. */
    public long takeOverRange() {
        return overRange.getAndSet(0);
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
