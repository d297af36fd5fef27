package dev.quorumbench.analysis.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One metric of one fault class on one side of a comparison (one or several runs): the class-level value shown
 * and judged against the minimum effect, and each run's per-cycle samples for the test.
 *
 * @param aggregate the side's class-level value, NaN when no run has data
 * @param runs      per run with data, its per-cycle samples
 * @param cycles    measured cycles over those runs
 * @param positions per run, the 0-based cycle each of its samples came from ({@link MetricSamples#positions})
 */
public record SideMetric(double aggregate, List<double[]> runs, int cycles, List<int[]> positions) {

    public SideMetric {
        runs = runs.stream().map(double[]::clone).toList();
        positions = positions.stream().map(int[]::clone).toList();
        if (positions.size() != runs.size()) {
            throw new IllegalArgumentException("positions for " + positions.size() + " runs, samples of " + runs.size());
        }
    }

    /** Runs whose samples are cycles 0, 1, 2, … with none missing. */
    public SideMetric(double aggregate, List<double[]> runs, int cycles) {
        this(aggregate, runs, cycles, runs.stream().map(r -> IntStream.range(0, r.length).toArray()).toList());
    }

    public boolean present() {
        return !Double.isNaN(aggregate);
    }

    /** Per-cycle samples over all runs. */
    public int samples() {
        return runs.stream().mapToInt(r -> r.length).sum();
    }

    /**
     * The side's value of {@code metric} from its runs: counts are the mean total per run scaled to
     * {@code cyclesPerRun} cycles (so runs of other lengths compare), lost writes the plain sum (the real
     * number is shown; the gate divides it by {@link #runs()} to compare per-run rates), fractions the cycle-weighted mean, latencies and times the median of the runs.
     */
    public static SideMetric of(Metric metric, List<FaultSamples> runs, double cyclesPerRun) {
        List<double[]> samples = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Integer> cycles = new ArrayList<>();
        for (FaultSamples f : runs) {
            MetricSamples m = f.get(metric);
            if (m.present()) {
                samples.add(m.perCycle());
                positions.add(m.positions());
                values.add(m.aggregate());
                cycles.add(f.cycles());
            }
        }
        int totalCycles = cycles.stream().mapToInt(Integer::intValue).sum();
        if (values.isEmpty()) {
            return new SideMetric(Double.NaN, List.of(), 0);
        }
        double aggregate = switch (metric) {
            case LOST_ACKNOWLEDGED -> values.stream().mapToDouble(Double::doubleValue).sum();
            case FAIL, QUORUM_NOT_MET -> scaled(values, totalCycles, cyclesPerRun);
            case CONVERGENCE_BOUND, REPLICA_CONVERGENCE -> weighted(values, cycles);
            default -> median(values);
        };
        return new SideMetric(aggregate, samples, totalCycles, positions);
    }

    private static double scaled(List<Double> totals, int totalCycles, double cyclesPerRun) {
        double perRun = totals.stream().mapToDouble(Double::doubleValue).sum() / totals.size();
        double factor = totalCycles == 0 ? 1 : cyclesPerRun * totals.size() / totalCycles;
        return factor == 1 ? perRun : perRun * factor; // exactly the total when lengths agree
    }

    private static double weighted(List<Double> values, List<Integer> weights) {
        double s = 0;
        double w = 0;
        for (int i = 0; i < values.size(); i++) {
            s += values.get(i) * Math.max(1, weights.get(i));
            w += Math.max(1, weights.get(i));
        }
        return s / w;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
