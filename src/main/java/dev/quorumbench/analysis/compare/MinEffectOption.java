package dev.quorumbench.analysis.compare;

import dev.quorumbench.InvalidInputException;
import java.util.List;

/**
 * Parses {@code --min-effect METRIC=VALUE}: METRIC is a metric key or a group (convergence, lost, counts,
 * latency, time); VALUE is an absolute amount in the metric's unit ({@code 0.5}), a relative one ({@code 15%}),
 * or both separated by a comma ({@code 15%,0.5}). A part not given keeps its current value.
 */
public final class MinEffectOption {

    private MinEffectOption() {
    }

    /** {@code settings} with the minimum effects that {@code spec} names replaced. */
    public static CompareSettings apply(CompareSettings settings, String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new InvalidInputException("--min-effect wants METRIC=VALUE (e.g. latency=15%,0.5), got '" + spec + "'");
        }
        String name = spec.substring(0, eq).trim();
        List<Metric> metrics = Metric.byKeyOrGroup(name);
        if (metrics.isEmpty()) {
            throw new InvalidInputException("--min-effect: unknown metric '" + name
                    + "' (a metric key such as latency_p99, or a group: convergence, lost, counts, latency, time)");
        }
        Double absolute = null;
        Double relative = null;
        // -1 keeps empty parts: "latency=," must be refused, not read as "set nothing".
        String[] parts = spec.substring(eq + 1).split(",", -1);
        if (parts.length > 2) {
            throw new InvalidInputException("--min-effect: at most two values (an absolute one and a percentage), got '"
                    + spec + "'");
        }
        for (String part : parts) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new InvalidInputException("--min-effect: empty value in '" + spec
                        + "' (METRIC=VALUE, e.g. latency=15%,0.5)");
            }
            if (p.endsWith("%")) {
                if (relative != null) {
                    throw new InvalidInputException("--min-effect: two percentages in '" + spec + "'");
                }
                relative = number(p.substring(0, p.length() - 1), spec) / 100.0;
            } else {
                if (absolute != null) {
                    throw new InvalidInputException("--min-effect: two absolute values in '" + spec + "'");
                }
                absolute = number(p, spec);
            }
        }
        CompareSettings result = settings;
        for (Metric m : metrics) {
            MinEffect old = result.minEffect(m);
            result = result.withMinEffect(m, new MinEffect(absolute == null ? old.absolute() : absolute,
                    relative == null ? old.relative() : relative));
        }
        return result;
    }

    private static double number(String text, String spec) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--min-effect: '" + text.trim() + "' in '" + spec
                    + "' is not a non-negative number");
        }
    }
}
