package dev.quorumbench.analysis.compare;

import dev.quorumbench.run.FaultClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How strict {@code compare} is and what it compares: the significance level, the minimum effect per metric, how
 * many units (runs or blocks of cycles) a side needs before the test is trusted, which setting differences the
 * user accepted, and which fault classes to compare.
 *
 * @param alpha          a change is significant when its false-discovery-adjusted p-value is below this, and the
 *                       effect's interval is the 1 − alpha bootstrap interval
 * @param minEffects     the minimum effect for every metric
 * @param minUnits       fewer units than this on either side make a large change inconclusive
 * @param allowDifferent setting keys ({@link RunSettings}) that may differ although they change what is measured
 * @param faults         the fault classes to compare, in this order; empty = every class of the base
 * @param blockCycles    cycles per block when blocks are the unit: an interleaved campaign's own block size, so
 *                       each unit is one interleaving block; 0 = cut each run into {@link Units#BLOCKS_PER_RUN}
 * @param gated          the metrics whose verdicts decide the outcome (the gate's family); the others are compared
 *                       and reported but cannot fail or hold up the gate. Empty = every metric. Lost acknowledged
 *                       writes are always gated: a broken contract is never left out of a gate.
 */
public record CompareSettings(double alpha, Map<Metric, MinEffect> minEffects, int minUnits,
        Set<String> allowDifferent, List<FaultClass> faults, int blockCycles, Set<Metric> gated) {

    /** Significance level used when {@code --alpha} is not given. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** Four units a side is the least with which the exact rank test can reach p < 0.05 (2/70 = 0.029). */
    public static final int DEFAULT_MIN_UNITS = 4;

    public CompareSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (blockCycles < 0) {
            throw new IllegalArgumentException("blockCycles must be >= 0, got " + blockCycles);
        }
        if (minUnits < 2) {
            throw new IllegalArgumentException("minUnits must be >= 2, got " + minUnits);
        }
        EnumMap<Metric, MinEffect> all = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            all.put(m, m.defaultMinEffect());
        }
        all.putAll(minEffects);
        minEffects = Collections.unmodifiableMap(all);
        allowDifferent = Collections.unmodifiableSet(new TreeSet<>(allowDifferent));
        faults = List.copyOf(faults);
        EnumSet<Metric> g = gated == null || gated.isEmpty() ? EnumSet.allOf(Metric.class) : EnumSet.copyOf(gated);
        g.add(Metric.LOST_ACKNOWLEDGED);
        gated = Collections.unmodifiableSet(g);
    }

    public CompareSettings(double alpha, Map<Metric, MinEffect> minEffects, int minUnits) {
        this(alpha, minEffects, minUnits, Set.of(), List.of(), 0, Set.of());
    }

    /** The documented defaults. */
    public static CompareSettings defaults() {
        return new CompareSettings(DEFAULT_ALPHA, Map.of(), DEFAULT_MIN_UNITS);
    }

    public MinEffect minEffect(Metric metric) {
        return minEffects.get(metric);
    }

    /** True when {@code metric}'s verdict counts for the outcome. */
    public boolean gated(Metric metric) {
        return gated.contains(metric);
    }

    /** True when every metric is gated (the default). */
    public boolean gatesAll() {
        return gated.size() == Metric.values().length;
    }

    /** These settings with only {@code metrics} (and lost acknowledged writes) gated; empty = every metric. */
    public CompareSettings withGated(Set<Metric> metrics) {
        return new CompareSettings(alpha, minEffects, minUnits, allowDifferent, faults, blockCycles, metrics);
    }

    /** These settings with one metric's minimum effect replaced. */
    public CompareSettings withMinEffect(Metric metric, MinEffect effect) {
        EnumMap<Metric, MinEffect> m = new EnumMap<>(minEffects);
        m.put(metric, effect);
        return new CompareSettings(alpha, m, minUnits, allowDifferent, faults, blockCycles, gated);
    }

    public CompareSettings withAlpha(double newAlpha) {
        return new CompareSettings(newAlpha, minEffects, minUnits, allowDifferent, faults, blockCycles, gated);
    }

    public CompareSettings withAllowDifferent(Set<String> keys) {
        return new CompareSettings(alpha, minEffects, minUnits, keys, faults, blockCycles, gated);
    }

    public CompareSettings withFaults(List<FaultClass> selected) {
        return new CompareSettings(alpha, minEffects, minUnits, allowDifferent, selected, blockCycles, gated);
    }

    /** These settings with blocks of {@code cycles} consecutive cycles as units (an interleaved campaign's blocks). */
    public CompareSettings withBlockCycles(int cycles) {
        return new CompareSettings(alpha, minEffects, minUnits, allowDifferent, faults, cycles, gated);
    }
}
