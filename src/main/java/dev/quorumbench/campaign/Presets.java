package dev.quorumbench.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Campaign presets: small JSON files of campaign settings kept in {@code benchmarks/} (and bundled in the jar),
 * selected by name ({@code smoke}, {@code phase4}) or given as a file path.
 */
public final class Presets {

    public static final List<String> BUNDLED = List.of("phase4", "smoke");

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
        return settings;
    }
}
