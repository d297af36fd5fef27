package dev.quorumbench.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * Puts each measured cycle's write-latency percentiles (acknowledged writes, ms) into JMH's secondary metrics.
 * A profiler, not {@code @AuxCounters}: aux counters are summed over iterations, which means nothing for a
 * percentile, while a profiler's results carry their own policy (here the mean over cycles, with every cycle's
 * value in {@code rawData}).
 */
public final class LatencyProfiler implements InternalProfiler {

    /** Percentiles reported, by metric name. */
    static final List<Metric> METRICS = List.of(
            new Metric("latency_ok_p50", 50.0), new Metric("latency_ok_p90", 90.0),
            new Metric("latency_ok_p99", 99.0), new Metric("latency_ok_max", 100.0));

    /** JMH's unit string of the metrics. */
    static final String UNIT = "ms";

    private static final double US_PER_MS = 1000.0;

    /** A secondary metric: its name and the percentile of the cycle's histogram (100 = max). */
    record Metric(String name, double percentile) {
    }

    @Override
    public String getDescription() {
        return "quorumbench: per-cycle write-latency percentiles of acknowledged writes";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        CycleLatency.take(); // nothing of an earlier iteration may be reported as this one's
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        Histogram h = CycleLatency.take();
        if (iterationParams.getType() != IterationType.MEASUREMENT) {
            return List.of();
        }
        return results(h);
    }

    /** The cycle's metrics; none for a cycle without an acknowledged write (no latency to report, not zero). */
    static List<ScalarResult> results(Histogram okMicros) {
        List<ScalarResult> out = new ArrayList<>();
        if (okMicros == null || okMicros.getTotalCount() == 0) {
            return out;
        }
        for (Metric m : METRICS) {
            long us = m.percentile() >= 100.0 ? okMicros.getMaxValue() : okMicros.getValueAtPercentile(m.percentile());
            out.add(new ScalarResult(m.name(), us / US_PER_MS, UNIT, AggregationPolicy.AVG));
        }
        return out;
    }
}
