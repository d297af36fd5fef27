package dev.quorumbench.analysis.compare;

import dev.quorumbench.run.FaultClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every metric of one fault class in one run, ready to be compared; a metric not in the map has no data.
 *
 * @param fault   the fault class
 * @param cycles  measured cycles of the class in this run (counts are scaled by it when runs differ in length)
 * @param metrics the metric values and their per-cycle samples
 */
public record FaultSamples(FaultClass fault, int cycles, Map<Metric, MetricSamples> metrics) {

    public FaultSamples {
        EnumMap<Metric, MetricSamples> copy = new EnumMap<>(Metric.class);
        copy.putAll(metrics);
        metrics = Collections.unmodifiableMap(copy);
    }

    /** Samples whose cycle count is the longest per-cycle series (every cycle has a count sample). */
    public FaultSamples(FaultClass fault, Map<Metric, MetricSamples> metrics) {
        this(fault, metrics.values().stream().mapToInt(MetricSamples::size).max().orElse(0), metrics);
    }

    /** The samples of {@code metric}, or {@link MetricSamples#NONE}. */
    public MetricSamples get(Metric metric) {
        return metrics.getOrDefault(metric, MetricSamples.NONE);
    }
}
