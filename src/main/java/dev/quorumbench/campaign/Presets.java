package dev.quorumbench.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Campaign presets: small JSON files of campaign settings kept in {@code benchmarks/} (and bundled in the jar),
 * selected by name ({@code smoke}, {@code pr}, {@code phase4}) or given as a file path. A preset's {@code "ab"}
 * object makes the campaign an interleaved A/B one ({@link AbPlan}).
 */
public final class Presets {

    public static final List<String> BUNDLED = List.of("phase4", "pr", "smoke");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Presets() {
    }

    /** The preset's settings, with the documentation-only {@code description} removed. */
    public static ObjectNode load(String nameOrPath) {
        JsonNode node;
        try {
            if (BUNDLED.contains(nameOrPath)) {
                try (InputStream in = Presets.class.getResourceAsStream("/benchmarks/" + nameOrPath + ".json")) {
                    if (in == null) {
                        throw new IllegalStateException("bundled preset " + nameOrPath + " missing from the jar");
                    }
                    node = JSON.readTree(in);
                }
            } else {
                Path file = Path.of(nameOrPath);
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException("--preset: '" + nameOrPath + "' is neither a bundled preset ("
                            + String.join(", ", BUNDLED) + ") nor a file");
                }
                node = JSON.readTree(file.toFile());
            }
        } catch (IOException e) {
            throw new InvalidInputException("--preset " + nameOrPath + ": not valid JSON ("
                    + e.getMessage().split("\n")[0] + ")");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("--preset " + nameOrPath + ": must be a JSON object of campaign settings");
        }
        ObjectNode settings = (ObjectNode) node;
        settings.remove("description");
        refuseUnknownKeys(nameOrPath, settings);
        return settings;
    }

    /** The campaign settings a preset may set: the campaign.json keys a user chooses (not ids, times or results). */
    static final Set<String> KEYS = Set.of("faults", "cycles", "writes", "warmup_cycles", "target", "node_args",
            "mechanism_overrides", "rate_per_s", "thresholds", "quorum_writes", "quorum_timeout_ms", "fault_window_ms",
            "skew_ms", "drop_share", "fire_after_write", "write_deadline_ms", "converge_deadline_ms", "seed", "ab");
    static final Set<String> THRESHOLD_KEYS = Set.of("convergence_bound", "replica_convergence", "lost_acknowledged");

    /** A typo ({@code "cylces": 1}) would otherwise be ignored and the default campaign run instead. */
    private static void refuseUnknownKeys(String preset, ObjectNode settings) {
        for (Iterator<String> it = settings.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidInputException("--preset " + preset + ": unknown key '" + key + "' (known: description, "
                        + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        if (settings.has("ab")) {
            AbPlan.parse(settings.get("ab"), "--preset " + preset); // its own keys and types, before anything runs
        }
        JsonNode t = settings.get("thresholds");
        if (t != null && !t.isObject()) {
            throw new InvalidInputException("--preset " + preset + ": thresholds must be an object");
        }
        if (t != null) {
            for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!THRESHOLD_KEYS.contains(key)) {
                    throw new InvalidInputException("--preset " + preset + ": unknown key 'thresholds." + key
                            + "' (known: " + String.join(", ", new TreeSet<>(THRESHOLD_KEYS)) + ")");
                }
            }
        }
    }
}
