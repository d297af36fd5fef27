package dev.quorumbench.analysis.compare;

import dev.quorumbench.run.CycleRecord;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The per-cycle sample of each metric, taken from the JSONL records: what the Mann–Whitney test compares.
 * A cycle without data for a metric (no acknowledged write, no recovery) contributes no sample.
 */
public final class CycleSamples {

    private CycleSamples() {
    }

    /** One value per cycle that has data for {@code metric}, in cycle order. */
    public static double[] of(Metric metric, List<CycleRecord> cycles) {
        Extract e = extract(metric);
        return cycles.stream().filter(e.has()).mapToDouble(e.value()).toArray();
    }

    /**
     * Where each value of {@link #of} came from: the 0-based position among {@code cycles} (the reader guarantees
     * cycle numbers 1, 2, …, so position i is cycle i + 1) of each cycle that has data for {@code metric}. An
     * interleaved campaign's blocks are cut by these, so a cycle without a value does not shift later ones.
     */
    public static int[] positions(Metric metric, List<CycleRecord> cycles) {
        Predicate<CycleRecord> has = extract(metric).has();
        return IntStream.range(0, cycles.size()).filter(i -> has.test(cycles.get(i))).toArray();
    }

    /** Which cycles have data for a metric, and its value in them. */
    private record Extract(Predicate<CycleRecord> has, ToDoubleFunction<CycleRecord> value) {
    }

    private static Extract extract(Metric metric) {
        return switch (metric) {
            case CONVERGENCE_BOUND -> new Extract(c -> c.writes() > 0, c -> (double) c.ok() / c.writes());
            case REPLICA_CONVERGENCE -> new Extract(c -> replicaBase(c) > 0,
                    c -> (double) Math.min(replicaBase(c), Math.max(0, minPresent(c))) / replicaBase(c));
            case LOST_ACKNOWLEDGED -> new Extract(c -> true, CycleRecord::lostAcknowledged);
            case FAIL -> new Extract(c -> true, CycleRecord::fail);
            case QUORUM_NOT_MET -> new Extract(c -> true, CycleRecord::quorumNotMet);
            case LATENCY_P50 -> latency(CycleRecord.LatencySummary::p50);
            case LATENCY_P90 -> latency(CycleRecord.LatencySummary::p90);
            case LATENCY_P99 -> latency(CycleRecord.LatencySummary::p99);
            case LATENCY_P999 -> latency(CycleRecord.LatencySummary::p999);
            case LATENCY_MAX -> latency(CycleRecord.LatencySummary::max);
            case CONVERGE_MS -> new Extract(c -> c.converged() && c.convergeMs() >= 0, CycleRecord::convergeMs);
            case RECOVERY_MS -> new Extract(c -> c.recoveryMs() != null, c -> c.recoveryMs());
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

    private static Extract latency(ToDoubleFunction<CycleRecord.LatencySummary> f) {
        return new Extract(c -> c.latencyOkUs() != null && c.latencyOkUs().count() > 0,
                c -> f.applyAsDouble(c.latencyOkUs()) / 1000.0);
    }
}
