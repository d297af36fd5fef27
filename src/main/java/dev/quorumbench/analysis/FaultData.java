package dev.quorumbench.analysis;

import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Outcome;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Everything a run directory holds about one fault class, as read from its files.
 *
 * @param fault          the fault class
 * @param cycles         the complete lines of {@code phase4-<fault>.jsonl}, in file order
 * @param jsonlPresent   whether {@code phase4-<fault>.jsonl} exists
 * @param jsonlTruncated whether its last line was cut off (and so left out of {@code cycles})
 * @param hlogPresent    whether {@code latency-<fault>.hlog} exists
 * @param hlogTruncated  whether its last interval was cut off (and so left out)
 * @param histograms     merged latency per outcome in microseconds; every outcome present, empty when none
 * @param intervals      every interval of the log in file order, for timelines (empty when loaded without them)
 */
public record FaultData(
        FaultClass fault,
        List<CycleRecord> cycles,
        boolean jsonlPresent,
        boolean jsonlTruncated,
        boolean hlogPresent,
        boolean hlogTruncated,
        Map<Outcome, Histogram> histograms,
        List<LatencyInterval> intervals) {

    /** All outcomes merged into a new histogram (microseconds). */
    public Histogram allOutcomes() {
        Histogram all = LatencyHistograms.empty();
        for (Histogram h : histograms.values()) {
            all.add(h);
        }
        return all;
    }
}
