package dev.quorumbench.analysis.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison of a head run with a base run: both headers, the settings used, notes for the reader and one
 * {@link FaultComparison} per fault class.
 */
public record Comparison(RunHeader base, RunHeader head, CompareSettings settings, List<String> notes,
        List<FaultComparison> faults) {

    public Comparison {
        notes = List.copyOf(notes);
        faults = List.copyOf(faults);
    }

    /** Compares every fault class of {@code base} with the same class of {@code head} (same order as base). */
    public static Comparison of(RunHeader baseHeader, List<FaultSamples> base, RunHeader headHeader,
            List<FaultSamples> head, CompareSettings settings) {
        List<FaultComparison> faults = new ArrayList<>();
        for (FaultSamples b : base) {
            FaultSamples h = head.stream().filter(x -> x.fault().equals(b.fault())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("head has no fault class " + b.fault()));
            List<MetricComparison> metrics = new ArrayList<>();
            for (Metric m : Metric.values()) {
                MetricComparison c = VerdictRule.judge(m, b.get(m), h.get(m), settings);
                if (c != null) {
                    metrics.add(c);
                }
            }
            faults.add(new FaultComparison(b.fault(), metrics));
        }
        List<String> notes = new ArrayList<>();
        String envDiff = baseHeader.environmentDifferences(headHeader);
        if (!envDiff.isEmpty()) {
            notes.add("Environments differ (" + envDiff + "): latency changes may come from the machine, not the build.");
        }
        if (!baseHeader.schedule().equals(headHeader.schedule())) {
            notes.add("Schedules differ (" + baseHeader.schedule() + " vs " + headHeader.schedule()
                    + "): open-loop latency counts queueing from each write's intended start, closed-loop does not.");
        }
        if (!baseHeader.complete() || !headHeader.complete()) {
            notes.add("A run is partial (interrupted): only its measured cycles are compared.");
        }
        return new Comparison(baseHeader, headHeader, settings, notes, faults);
    }

    /** Total of metrics with {@code verdict} over all fault classes. */
    public long count(Verdict verdict) {
        return faults.stream().mapToLong(f -> f.count(verdict)).sum();
    }

    /** True when any metric of any class regressed: {@code compare} exits 3. */
    public boolean regressed() {
        return count(Verdict.REGRESSED) > 0;
    }
}
