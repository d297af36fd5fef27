package dev.quorumbench.analysis.compare;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How strict {@code compare} is: the significance level, the minimum effect per metric, and how many cycles a
 * side needs before the test is trusted.
 *
 * @param alpha      a change is significant when the Mann–Whitney U p-value is below this
 * @param minEffects the minimum effect for every metric
 * @param minSamples fewer per-cycle samples than this on either side make a large change inconclusive
 */
public record CompareSettings(double alpha, Map<Metric, MinEffect> minEffects, int minSamples) {

    /** Significance level used when {@code --alpha} is not given. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** Below 5 cycles a side the normal approximation of the U test says little. */
    public static final int DEFAULT_MIN_SAMPLES = 5;

    public CompareSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be >= 1, got " + minSamples);
        }
        EnumMap<Metric, MinEffect> all = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            all.put(m, m.defaultMinEffect());
        }
        all.putAll(minEffects);
        minEffects = Collections.unmodifiableMap(all);
    }

    /** The documented defaults. */
    public static CompareSettings defaults() {
        return new CompareSettings(DEFAULT_ALPHA, Map.of(), DEFAULT_MIN_SAMPLES);
    }

    public MinEffect minEffect(Metric metric) {
        return minEffects.get(metric);
    }

    /** These settings with one metric's minimum effect replaced. */
    public CompareSettings withMinEffect(Metric metric, MinEffect effect) {
        EnumMap<Metric, MinEffect> m = new EnumMap<>(minEffects);
        m.put(metric, effect);
        return new CompareSettings(alpha, m, minSamples);
    }

    public CompareSettings withAlpha(double newAlpha) {
        return new CompareSettings(newAlpha, minEffects, minSamples);
    }
}
