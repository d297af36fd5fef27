package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code run}'s CI file options are checked before the campaign starts: exit 2, one line, nothing written. */
class RunCiOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"--junit", "--bmf", "--benchmark-json"})
    void aCiFileInNoDirectoryStopsTheRunBeforeItStarts(String option, @org.junit.jupiter.api.io.TempDir Path runs)
            throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {option, runs.resolve("missing/out.file").toString(),
                "--runs-dir", runs.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, exit, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(option + " ") && text.contains("no such directory"), text);
        try (var files = Files.list(runs)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }
}
