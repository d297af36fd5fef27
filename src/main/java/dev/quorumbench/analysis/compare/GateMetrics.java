package dev.quorumbench.analysis.compare;

import dev.quorumbench.InvalidInputException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses a gate's family ({@code --gate-metrics}, a preset's {@code ab.gate_metrics}): metric keys or groups
 * (convergence, lost, counts, latency, time). A campaign too small to resolve tail percentiles gates on what it can
 * resolve and reports the rest beside the gate; lost acknowledged writes are always gated, whatever is named.
 */
public final class GateMetrics {

    private GateMetrics() {
    }

    /** The metrics {@code names} name; {@code where} names the option or key in messages. */
    public static Set<Metric> parse(List<String> names, String where) {
        EnumSet<Metric> gated = EnumSet.noneOf(Metric.class);
        for (String raw : names) {
            String name = raw.trim();
            List<Metric> metrics = Metric.byKeyOrGroup(name);
            if (metrics.isEmpty()) {
                throw new InvalidInputException(where + ": unknown metric '" + name + "' (a metric key such as"
                        + " latency_p50, or a group: convergence, lost, counts, latency, time)");
            }
            gated.addAll(metrics);
        }
        if (gated.isEmpty()) {
            throw new InvalidInputException(where + " wants at least one metric key or group, e.g."
                    + " convergence,lost,counts,latency_p50,time");
        }
        gated.add(Metric.LOST_ACKNOWLEDGED);
        return gated;
    }

    /** Parses a comma-separated list: {@code convergence,latency_p50}. */
    public static Set<Metric> parse(String list, String where) {
        return parse(List.of(list.split(",", -1)), where);
    }
}
