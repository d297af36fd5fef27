package dev.quorumbench.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorumbench.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interleaved A/B part of a campaign's settings (pure): the {@code "ab"} object of a preset or of the
 * {@code --ab-*} options. The base arm is the campaign's own target and node args; the head arm replaces what is
 * given here (nothing given = an A/A campaign, both arms alike).
 *
 * @param blockCycles  consecutive cycles of one arm between switches
 * @param headNodeArgs the head arm's node args, null = the base arm's
 * @param headTarget   the head arm's target profile, null = the base arm's
 * @param gateMetrics  the metric keys or groups whose verdicts decide the exit code, null = every metric
 */
public record AbPlan(int blockCycles, List<String> headNodeArgs, String headTarget, List<String> gateMetrics) {

    /** Two cycles a block: short enough that drift is shared, and each unit of compare still averages two cycles. */
    public static final int DEFAULT_BLOCK_CYCLES = 2;
    static final Set<String> KEYS = Set.of("block_cycles", "head_node_args", "head_target", "gate_metrics");

    public AbPlan {
        if (blockCycles < 1) {
            throw new InvalidInputException("--ab-block must be ≥ 1 cycle, got " + blockCycles);
        }
        headNodeArgs = headNodeArgs == null ? null : List.copyOf(headNodeArgs);
        gateMetrics = gateMetrics == null ? null : List.copyOf(gateMetrics);
    }

    /** This plan with another gate family (metric keys or groups, checked where the comparison is made). */
    public AbPlan withGateMetrics(List<String> metrics) {
        return new AbPlan(blockCycles, headNodeArgs, headTarget, metrics);
    }

    /** Reads the {@code "ab"} object; {@code where} names its source in messages. */
    static AbPlan parse(JsonNode ab, String where) {
        if (!ab.isObject()) {
            throw new InvalidInputException(where + ": ab must be an object (" + String.join(", ", new TreeSet<>(KEYS))
                    + ")");
        }
        for (Iterator<String> it = ab.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(where + ": unknown key 'ab." + key + "' (known: "
                        + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        int block = DEFAULT_BLOCK_CYCLES;
        JsonNode b = ab.get("block_cycles");
        if (b != null) {
            if (!b.isInt()) {
                throw new InvalidInputException(where + ": ab.block_cycles must be a whole number, got " + b);
            }
            block = b.asInt();
        }
        List<String> args = strings(ab, "head_node_args", where);
        JsonNode t = ab.get("head_target");
        if (t != null && !t.isTextual()) {
            throw new InvalidInputException(where + ": ab.head_target must be a string");
        }
        return new AbPlan(block, args, t == null ? null : t.asText(), strings(ab, "gate_metrics", where));
    }

    /** The list of strings under {@code key}, or null when absent. */
    private static List<String> strings(JsonNode ab, String key, String where) {
        JsonNode a = ab.get(key);
        if (a == null) {
            return null;
        }
        if (!a.isArray()) {
            throw new InvalidInputException(where + ": ab." + key + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode s : a) {
            if (!s.isTextual()) {
                throw new InvalidInputException(where + ": ab." + key + " must be a list of strings");
            }
            values.add(s.asText());
        }
        return values;
    }

    /** Refuses a campaign whose arms would not get whole blocks (ABBA then gives each arm the same cycles). */
    public void check(int cyclesPerArm) {
        if (cyclesPerArm % blockCycles != 0) {
            throw new InvalidInputException("--cycles (" + cyclesPerArm + ", per arm) must be a multiple of --ab-block ("
                    + blockCycles + ")");
        }
    }
}
