package dev.quorumbench.analysis.compare;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A metric {@code compare} judges per fault class, with its meaning (direction), unit and default minimum effect.
 * The defaults live here and only here; README's table is generated from the same numbers.
 */
public enum Metric {
    CONVERGENCE_BOUND("convergence_bound", "convergence bound", "", Direction.HIGHER_IS_BETTER, "convergence",
            new MinEffect(0.002, 0), 4),
    REPLICA_CONVERGENCE("replica_convergence", "replica convergence", "", Direction.HIGHER_IS_BETTER, "convergence",
            new MinEffect(0.002, 0), 4),
    LOST_ACKNOWLEDGED("lost_acknowledged", "lost acknowledged", "writes", Direction.LOWER_IS_BETTER, "lost",
            new MinEffect(1, 0), 0),
    FAIL("fail", "fail", "writes", Direction.LOWER_IS_BETTER, "counts", new MinEffect(10, 0.10), 0),
    QUORUM_NOT_MET("quorum_not_met", "quorum_not_met", "writes", Direction.LOWER_IS_BETTER, "counts",
            new MinEffect(10, 0.10), 0),
    LATENCY_P50("latency_p50", "latency p50", "ms", Direction.LOWER_IS_BETTER, "latency", new MinEffect(0.5, 0.10), 3),
    LATENCY_P90("latency_p90", "latency p90", "ms", Direction.LOWER_IS_BETTER, "latency", new MinEffect(0.5, 0.10), 3),
    LATENCY_P99("latency_p99", "latency p99", "ms", Direction.LOWER_IS_BETTER, "latency", new MinEffect(0.5, 0.10), 3),
    LATENCY_P999("latency_p999", "latency p99.9", "ms", Direction.LOWER_IS_BETTER, "latency",
            new MinEffect(0.5, 0.10), 3),
    LATENCY_MAX("latency_max", "latency max", "ms", Direction.LOWER_IS_BETTER, "latency", new MinEffect(0.5, 0.10), 3),
    // Read-back polls every 25 ms and anti-entropy runs every 500 ms, so time to converge moves by a few hundred
    // ms with scheduling alone (measured: 55 vs 113 ms between two builds that differ only in write latency).
    CONVERGE_MS("converge_ms", "time to converge", "ms", Direction.LOWER_IS_BETTER, "time", new MinEffect(250, 0.25), 0),
    RECOVERY_MS("recovery_ms", "recovery time", "ms", Direction.LOWER_IS_BETTER, "time", new MinEffect(100, 0.10), 0);

    private final String key;
    private final String label;
    private final String unit;
    private final Direction direction;
    private final String group;
    private final MinEffect defaultMinEffect;
    private final int decimals;

    Metric(String key, String label, String unit, Direction direction, String group, MinEffect defaultMinEffect,
            int decimals) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.direction = direction;
        this.group = group;
        this.defaultMinEffect = defaultMinEffect;
        this.decimals = decimals;
    }

    /** The name in JSON and on the command line ({@code --min-effect latency_p99=15%}). */
    @JsonValue
    public String key() {
        return key;
    }

    /** A short human name for tables. */
    public String label() {
        return label;
    }

    /** "ms", "writes" or "" for fractions. */
    public String unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }

    /** The group a {@code --min-effect GROUP=…} sets at once: convergence, lost, counts, latency, time. */
    public String group() {
        return group;
    }

    public MinEffect defaultMinEffect() {
        return defaultMinEffect;
    }

    /** Decimal places used when a value of this metric is printed. */
    public int decimals() {
        return decimals;
    }

    /** The metrics named by a key or a group name (case-insensitive); empty when neither matches. */
    public static List<Metric> byKeyOrGroup(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<Metric> found = new ArrayList<>();
        for (Metric m : values()) {
            if (m.key.equals(n) || m.group.equals(n)) {
                found.add(m);
            }
        }
        return found;
    }
}
