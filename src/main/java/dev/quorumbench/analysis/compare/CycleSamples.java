package dev.quorumbench.analysis.compare;

import dev.quorumbench.run.CycleRecord;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The per-cycle sample of each metric, taken from the JSONL records: what the Mann–Whitney test compares.
 * A cycle without data for a metric (no acknowledged write, no recovery) contributes no sample.
 */
public final class CycleSamples {

    private CycleSamples() {
    }

    /** One value per cycle that has data for {@code metric}, in cycle order. */
    public static double[] of(Metric metric, List<CycleRecord> cycles) {
        return switch (metric) {
            case CONVERGENCE_BOUND -> collect(cycles, c -> c.writes() > 0, c -> (double) c.ok() / c.writes());
            case REPLICA_CONVERGENCE -> collect(cycles, c -> replicaBase(c) > 0,
                    c -> (double) Math.min(replicaBase(c), Math.max(0, minPresent(c))) / replicaBase(c));
            case LOST_ACKNOWLEDGED -> collect(cycles, c -> true, CycleRecord::lostAcknowledged);
            case FAIL -> collect(cycles, c -> true, CycleRecord::fail);
            case QUORUM_NOT_MET -> collect(cycles, c -> true, CycleRecord::quorumNotMet);
            case LATENCY_P50 -> latency(cycles, CycleRecord.LatencySummary::p50);
            case LATENCY_P90 -> latency(cycles, CycleRecord.LatencySummary::p90);
            case LATENCY_P99 -> latency(cycles, CycleRecord.LatencySummary::p99);
            case LATENCY_P999 -> latency(cycles, CycleRecord.LatencySummary::p999);
            case LATENCY_MAX -> latency(cycles, CycleRecord.LatencySummary::max);
            case CONVERGE_MS -> collect(cycles, c -> c.converged() && c.convergeMs() >= 0, CycleRecord::convergeMs);
            case RECOVERY_MS -> collect(cycles, c -> c.recoveryMs() != null, c -> c.recoveryMs());
        };
    }

    /**
     * The writes replica convergence counts in a cycle, as {@code FaultAnalysis} does: accepted writes
     * (acknowledged plus indeterminate ones a node kept) when the line has them, else acknowledged writes.
     */
    static int replicaBase(CycleRecord c) {
        return c.acceptedPresent() != null ? c.accepted() : c.ok();
    }

    /**
     * Fewest of those writes present on any readable node, -1 when no node was readable. As in
     * {@code FaultAnalysis}: unreadable nodes (-1) are left out, and a cycle with no readable node counts as 0.
     */
    static int minPresent(CycleRecord c) {
        List<Integer> perNode = c.acceptedPresent() != null ? c.acceptedPresent() : c.ackedPresent();
        int min = -1;
        if (perNode != null) {
            for (Integer n : perNode) {
                if (n != null && n >= 0) {
                    min = min < 0 ? n : Math.min(min, n);
                }
            }
        }
        return min;
    }

    private static double[] latency(List<CycleRecord> cycles, ToDoubleFunction<CycleRecord.LatencySummary> f) {
        return collect(cycles, c -> c.latencyOkUs() != null && c.latencyOkUs().count() > 0,
                c -> f.applyAsDouble(c.latencyOkUs()) / 1000.0);
    }

    private static double[] collect(List<CycleRecord> cycles, java.util.function.Predicate<CycleRecord> has,
            ToDoubleFunction<CycleRecord> value) {
        return cycles.stream().filter(has).mapToDouble(value).toArray();
    }
}
