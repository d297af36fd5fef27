package dev.quorumbench.analysis.ci;

import dev.quorumbench.analysis.FaultSummary;
import dev.quorumbench.analysis.LatencyStats;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.run.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-class figures a benchmark tracker follows across builds: acknowledged-write latency p50 and p99 and the
 * convergence bound. One list for both tracker formats, so they never disagree on what is tracked.
 */
final class TrackedMetrics {

    /** One figure of one fault class; {@code value} never null (an absent figure is left out, not zero). */
    record Figure(String fault, Kind kind, double value) {
    }

    /** What a figure measures, with its unit and whether smaller is better. */
    enum Kind {
        LATENCY_P50("latency_p50", "ms", true),
        LATENCY_P99("latency_p99", "ms", true),
        CONVERGENCE_BOUND("convergence_bound", "fraction", false);

        final String key;
        final String unit;
        final boolean smallerIsBetter;

        Kind(String key, String unit, boolean smallerIsBetter) {
            this.key = key;
            this.unit = unit;
            this.smallerIsBetter = smallerIsBetter;
        }
    }

    private TrackedMetrics() {
    }

    static List<Figure> of(Phase4Report report) {
        List<Figure> out = new ArrayList<>();
        for (FaultSummary s : report.faults().values()) {
            LatencyStats ok = s.latencyMs().get(Outcome.OK.key());
            add(out, s, Kind.LATENCY_P50, ok == null ? null : ok.p50Ms());
            add(out, s, Kind.LATENCY_P99, ok == null ? null : ok.p99Ms());
            // 6 decimals, as phase4.json writes fractions, so the trackers show the figure the report shows.
            add(out, s, Kind.CONVERGENCE_BOUND,
                    s.convergenceBound() == null ? null : Math.round(s.convergenceBound() * 1e6) / 1e6);
        }
        return out;
    }

    private static void add(List<Figure> out, FaultSummary s, Kind kind, Double value) {
        if (value != null) {
            out.add(new Figure(s.fault().key(), kind, value));
        }
    }
}
