package dev.quorumbench.analysis.compare;

import dev.quorumbench.run.FaultClass;
import java.util.List;

/** The verdicts on every metric of one fault class. */
public record FaultComparison(FaultClass fault, List<MetricComparison> metrics) {

    public FaultComparison {
        metrics = List.copyOf(metrics);
    }

    /** How many gated metrics got {@code verdict}. */
    public long count(Verdict verdict) {
        return metrics.stream().filter(m -> m.gated() && m.verdict() == verdict).count();
    }

    /** How many metrics are reported outside the gate. */
    public long countNotGated() {
        return metrics.stream().filter(m -> !m.gated()).count();
    }

    /** The comparison of {@code metric}, or null when neither run had data for it. */
    public MetricComparison get(Metric metric) {
        return metrics.stream().filter(m -> m.metric() == metric).findFirst().orElse(null);
    }
}
