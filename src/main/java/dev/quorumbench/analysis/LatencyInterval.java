package dev.quorumbench.analysis;

import dev.quorumbench.run.Outcome;
import org.HdrHistogram.Histogram;

/**
 * One interval of a {@code latency-<fault>.hlog}: the latencies (microseconds) of one outcome in one cycle,
 * placed on the campaign's time axis for timelines.
 *
 * @param startSec  interval start, seconds since the log's StartTime (the campaign start)
 * @param endSec    interval end, same axis
 * @param outcome   the interval's tag
 * @param histogram the interval's values in microseconds
 */
public record LatencyInterval(double startSec, double endSec, Outcome outcome, Histogram histogram) {
}
