package dev.quorumbench.analysis.compare;

import dev.quorumbench.run.FaultClass;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison of a head side with a base side (each one run or several): both headers, the settings used, the
 * campaign settings that differ, notes for the reader and one {@link FaultComparison} per fault class.
 */
public record Comparison(RunHeader base, RunHeader head, CompareSettings settings,
        List<RunSettings.Difference> differences, List<String> notes, List<FaultComparison> faults) {

    /** The overall outcome of a comparison, worst first. */
    public enum Outcome {
        /** A metric regressed. */
        REGRESSION("regression"),
        /** Nothing regressed, but a metric could not be decided: not a pass by silence. */
        INCONCLUSIVE("inconclusive"),
        /** Every metric unchanged or improved. */
        NO_REGRESSION("no regression");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Comparison {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
        faults = List.copyOf(faults);
    }

    /** Compares one base run with one head run given as literal samples (every class of base, in its order). */
    public static Comparison of(RunHeader baseHeader, List<FaultSamples> base, RunHeader headHeader,
            List<FaultSamples> head, CompareSettings settings) {
        return of(List.of(new RunSamples(baseHeader, base)), List.of(new RunSamples(headHeader, head)), settings);
    }

    /**
     * Compares the head runs with the base runs. Throws {@code InvalidInputException} when they do not compare
     * ({@link Compatibility}).
     */
    public static Comparison of(List<RunSamples> base, List<RunSamples> head, CompareSettings settings) {
        List<FaultClass> faults = Compatibility.faults(base, head, settings.faults());
        List<RunSettings.Difference> differences = Compatibility.differences(base, head, settings.allowDifferent(),
                faults);
        List<FaultSides> sides = new ArrayList<>();
        // Two families for the false-discovery adjustment: the gate's metrics, whose q decides the outcome, and the
        // metrics reported beside it. Metrics left out of a gate then neither dilute its power nor borrow from it.
        List<Double> family = new ArrayList<>();
        List<Double> reported = new ArrayList<>();
        boolean scaled = false;
        boolean blocks = false;
        boolean pairs = false;
        for (FaultClass f : faults) {
            List<FaultSamples> b = base.stream().map(r -> r.fault(f)).toList();
            List<FaultSamples> h = head.stream().map(r -> r.fault(f)).toList();
            double cyclesPerRun = b.stream().mapToInt(FaultSamples::cycles).average().orElse(0);
            scaled |= h.stream().mapToInt(FaultSamples::cycles).average().orElse(0) != cyclesPerRun;
            FaultSides fs = new FaultSides(f);
            for (Metric m : Metric.values()) {
                SideMetric bm = SideMetric.of(m, b, cyclesPerRun);
                SideMetric hm = SideMetric.of(m, h, cyclesPerRun);
                MetricEvidence e = m == Metric.LOST_ACKNOWLEDGED ? MetricEvidence.NONE
                        : MetricEvidence.of(bm, hm, settings, seed(f, m));
                blocks |= e.units() == Units.Kind.BLOCKS || e.units() == Units.Kind.PAIRS;
                pairs |= e.units() == Units.Kind.PAIRS;
                List<Double> mine = settings.gated(m) ? family : reported;
                fs.add(m, bm, hm, e, e.tested() ? mine.size() : -1);
                if (e.tested()) {
                    mine.add(e.pValue());
                }
            }
            sides.add(fs);
        }
        double[] q = FalseDiscovery.adjust(family.stream().mapToDouble(Double::doubleValue).toArray());
        double[] qReported = FalseDiscovery.adjust(reported.stream().mapToDouble(Double::doubleValue).toArray());
        List<FaultComparison> result = new ArrayList<>();
        for (FaultSides fs : sides) {
            result.add(fs.judge(q, qReported, settings));
        }
        RunHeader bh = RunHeader.side(base.stream().map(RunSamples::header).toList());
        RunHeader hh = RunHeader.side(head.stream().map(RunSamples::header).toList());
        return new Comparison(bh, hh, settings, differences, notes(bh, hh, scaled, blocks, pairs, settings),
                result);
    }

    /** A fixed seed per class and metric: the same inputs give the same intervals in any order of comparison. */
    static long seed(FaultClass f, Metric m) {
        return 0x5EED_0000L + 100L * f.ordinal() + m.ordinal();
    }

    private static List<String> notes(RunHeader b, RunHeader h, boolean scaled, boolean blocks, boolean pairs,
            CompareSettings settings) {
        int minUnits = settings.minUnits();
        List<String> notes = new ArrayList<>();
        for (RunHeader side : List.of(b, h)) {
            if (!side.unsafe().isEmpty()) {
                notes.add((side == b ? "Base" : "Head") + " is unsafe: " + String.join("; ", side.unsafe()) + ".");
            }
        }
        String envDiff = b.environmentDifferences(h);
        if (!envDiff.isEmpty()) {
            notes.add("Environments differ (" + envDiff + "): latency changes may come from the machine, not the build.");
        }
        if (!b.schedule().equals(h.schedule())) {
            notes.add("Schedules differ (" + b.schedule() + " vs " + h.schedule()
                    + "): open-loop latency counts queueing from each write's intended start, closed-loop does not.");
        }
        if (!b.complete() || !h.complete()) {
            notes.add("A run is partial (interrupted): only its measured cycles are compared, and the outcome is"
                    + " inconclusive at best.");
        }
        if (scaled) {
            notes.add("The sides ran different numbers of cycles: fail and quorum_not_met totals of head are scaled"
                    + " to base's cycles per run; the tests compare per-cycle values.");
        }
        if (blocks && settings.blockCycles() > 0) {
            notes.add("Interleaved A/B campaign: the test's units are its ABBA blocks of " + settings.blockCycles()
                    + " cycle" + (settings.blockCycles() == 1 ? "" : "s") + ", run in one fork per fault class with both"
                    + " arms up, so drift of the machine during the run hits both arms alike."
                    + (pairs ? " Where every cycle of both arms has a value and there are 8 blocks or more, the k-th"
                    + " base and head blocks, which ran side by side, are tested as pairs (Wilcoxon signed-rank), so"
                    + " drift between pairs cancels." : ""));
        } else if (blocks) {
            notes.add("Fewer than " + minUnits + " runs on a side: the test's units are blocks of consecutive cycles,"
                    + " which absorb drift within a run but not noise between runs. For a gate, give at least "
                    + minUnits + " runs per side (compare BASE... -- HEAD...).");
        }
        return notes;
    }

    /** Total of gated metrics with {@code verdict} over all fault classes: what the outcome is made of. */
    public long count(Verdict verdict) {
        return faults.stream().mapToLong(f -> f.count(verdict)).sum();
    }

    /** Total of metrics reported outside the gate (any verdict) over all fault classes. */
    public long countNotGated() {
        return faults.stream().mapToLong(FaultComparison::countNotGated).sum();
    }

    /** True when any metric of any class regressed: {@code compare} exits 3. */
    public boolean regressed() {
        return count(Verdict.REGRESSED) > 0;
    }

    /**
     * Regression when anything regressed, else inconclusive when a metric is or the comparison has a gap
     * ({@link #gaps()}), else no regression: a gate never passes on evidence that is missing.
     */
    public Outcome outcome() {
        if (regressed()) {
            return Outcome.REGRESSION;
        }
        return count(Verdict.INCONCLUSIVE) > 0 || !gaps().isEmpty() ? Outcome.INCONCLUSIVE : Outcome.NO_REGRESSION;
    }

    /**
     * Why the comparison as a whole cannot pass, whatever its metrics say: a side that is partial (interrupted), a
     * compared fault class with no judged metric (no measured cycle with data on either side), or a gate's family
     * none of whose metrics (lost acknowledged writes aside) was measured in any class. Empty when none.
     */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        if (!base.complete()) {
            gaps.add("base is partial (interrupted)");
        }
        if (!head.complete()) {
            gaps.add("head is partial (interrupted)");
        }
        for (FaultComparison f : faults) {
            if (f.metrics().isEmpty()) {
                gaps.add(f.fault() + ": no metric measured on either side");
            }
        }
        // A family named (beyond the always-gated lost writes) that no class measured would gate lost writes only:
        // e.g. --gate-metrics recovery_ms on classes without a recovery time must not pass as "no regression".
        List<String> named = settings.gated().stream().filter(m -> m != Metric.LOST_ACKNOWLEDGED).map(Metric::key)
                .toList();
        if (!settings.gatesAll() && !named.isEmpty() && faults.stream().flatMap(f -> f.metrics().stream())
                .noneMatch(m -> m.gated() && m.metric() != Metric.LOST_ACKNOWLEDGED)) {
            gaps.add("no metric of the gate's family was measured on either side (" + String.join(", ", named)
                    + "; only lost acknowledged writes were judged)");
        }
        return gaps;
    }

    /** The differences that change what is measured (all were allowed, or the comparison would not exist). */
    public List<RunSettings.Difference> allowedDifferences() {
        return differences.stream().filter(RunSettings.Difference::changesMeasurement).toList();
    }

    /** One metric's sides and evidence, and its place in the family of tests (-1 when not tested). */
    private record Row(Metric metric, SideMetric base, SideMetric head, MetricEvidence evidence, int familyIndex) {
    }

    /** One fault class's rows, waiting for the family's adjusted p-values. */
    private record FaultSides(FaultClass fault, List<Row> rows) {

        FaultSides(FaultClass fault) {
            this(fault, new ArrayList<>());
        }

        void add(Metric m, SideMetric b, SideMetric h, MetricEvidence e, int familyIndex) {
            rows.add(new Row(m, b, h, e, familyIndex));
        }

        FaultComparison judge(double[] q, double[] qReported, CompareSettings settings) {
            List<MetricComparison> metrics = new ArrayList<>();
            for (Row r : rows) {
                double[] family = settings.gated(r.metric()) ? q : qReported;
                MetricComparison c = VerdictRule.judge(r.metric(), r.base(), r.head(), r.evidence(),
                        r.familyIndex() < 0 ? Double.NaN : family[r.familyIndex()], settings);
                if (c != null) {
                    metrics.add(c);
                }
            }
            return new FaultComparison(fault, metrics);
        }
    }
}
