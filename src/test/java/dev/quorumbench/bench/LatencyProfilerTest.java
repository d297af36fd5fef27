package dev.quorumbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The per-cycle latency metrics the profiler hands JMH: values and unit. That JMH averages them over cycles (not
 * sums them, as it does aux counters) is checked on a real jmh-result.json by JmhResultProcessTest.
 */
class LatencyProfilerTest {

    @Test
    void aCyclesPercentilesInMilliseconds() {
        Histogram us = new Histogram(60_000_000L, 3);
        for (long v : new long[] {1_000, 2_000, 3_000, 4_000, 100_000}) {
            us.recordValue(v);
        }

        Map<String, Double> got = new TreeMap<>();
        for (ScalarResult r : LatencyProfiler.results(us)) {
            assertEquals("ms", r.getScoreUnit());
            assertEquals(ResultRole.SECONDARY, r.getRole());
            got.put(r.getLabel(), r.getScore());
        }

        assertEquals(Map.of("latency_ok_p50", 3.0, "latency_ok_p90", 100.0, "latency_ok_p99", 100.0,
                "latency_ok_max", 100.0), roundTo(got, 0));
    }

    @Test
    void aCycleWithoutAcknowledgedWritesReportsNothingRatherThanZero() {
        assertEquals(List.of(), LatencyProfiler.results(new Histogram(3)));
        assertEquals(List.of(), LatencyProfiler.results(null));
    }

    @Test
    void eachCycleIsReportedOnceAndNeverByTheNextIteration() {
        Histogram h = new Histogram(3);
        h.recordValue(1_000);
        CycleLatency.publish(h);
        h.recordValue(9_000); // the recorders reuse their histogram: the published one must be a copy

        Histogram taken = CycleLatency.take();

        assertEquals(1, taken.getTotalCount());
        assertNull(CycleLatency.take());
        assertTrue(new LatencyProfiler().getDescription().contains("latency"));
    }

    private static Map<String, Double> roundTo(Map<String, Double> m, int digits) {
        Map<String, Double> out = new TreeMap<>();
        double f = Math.pow(10, digits);
        m.forEach((k, v) -> out.put(k, Math.round(v * f) / f));
        return out;
    }
}
