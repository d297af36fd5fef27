package dev.quorumbench.analysis.compare;

import dev.quorumbench.run.FaultClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every metric of one fault class in one run, ready to be compared; a metric not in the map has no data.
 *
 * @param fault   the fault class
 * @param metrics the metric values and their per-cycle samples
 */
public record FaultSamples(FaultClass fault, Map<Metric, MetricSamples> metrics) {

    public FaultSamples {
        EnumMap<Metric, MetricSamples> copy = new EnumMap<>(Metric.class);
        copy.putAll(metrics);
        metrics = Collections.unmodifiableMap(copy);
    }

    /** The samples of {@code metric}, or {@link MetricSamples#NONE}. */
    public MetricSamples get(Metric metric) {
        return metrics.getOrDefault(metric, MetricSamples.NONE);
    }
}
