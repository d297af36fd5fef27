package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertion: compares text with {@code src/test/resources/golden/<name>}; with
 * {@code -Dgolden.update=true} it rewrites the file instead (review the diff before committing).
 */
final class Golden {

    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual);
            return;
        }
        assertTrue(Files.isRegularFile(file), "no golden file " + file + "; run with -Dgolden.update=true");
        assertEquals(Files.readString(file), actual, "differs from golden " + file
                + " (if the change is intended: -Dgolden.update=true and review the diff)");
    }
}
