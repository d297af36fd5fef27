package dev.quorumbench.analysis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendered text with {@code src/test/resources/golden/<name>}; with {@code -Dgolden.update=true} it
 * rewrites the file instead (review the diff before committing it).
 */
final class GoldenFile {

    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private GoldenFile() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionError("no golden file " + file + "; run with -Dgolden.update=true to create it");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                "differs from " + file + " (rerun with -Dgolden.update=true if the change is intended)");
    }
}
