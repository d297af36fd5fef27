package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --version} prints version and commit; JMH's own flags get one line pointing the way, exit 2. */
class VersionAndJmhFlagsTest {

    @TempDir
    Path runs;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "0.1.0     | abc123def456 | NULL     | quorumbench 0.1.0, commit abc123def456",
            "0.1.0     | ''           | fedcba98 | quorumbench 0.1.0, commit fedcba98 (HEAD of the checkout the jar is in;",
            "0.1.0     | NULL         | NULL     | quorumbench 0.1.0, commit unknown (not embedded at build",
            "${project.version} | ${quorumbench.git.commit} | NULL | quorumbench dev, commit unknown",
    })
    void theVersionLine(String version, String embedded, String checkout, String expected) {
        String line = BuildInfo.line(version, embedded, checkout);

        assertTrue(line.startsWith(expected), line);
    }

    @Test
    void versionPrintsTheBuildsVersionAndACommit() {
        assertEquals(ExitCode.OK, main("--version"));

        String line = out.toString(StandardCharsets.UTF_8).trim();
        assertTrue(line.matches("quorumbench \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?, commit \\S+.*"), line);
        assertEquals(1, line.lines().count());
        assertFalse(line.contains("${"), "the build filtered the properties: " + line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-f 2                       | -f is a JMH option the campaign sets itself (forks: one per fault class",
            "-wi 3                      | use --warmup-cycles N",
            "-i 50                      | use --cycles N",
            "-rf csv                    | jmh-result.json (JSON) is always written",
            "--cycles 3 -prof gc        | -prof is a JMH option: pass it as --jmh \"-prof gc\"",
            "-jvmArgs -Xmx2g            | pass it as --jmh \"-jvmArgs\"",
            "run -bm avgt               | mode: the campaign is SingleShotTime",
            "Phase4Benchmark            | 'Phase4Benchmark' looks like a JMH benchmark regex",
            ".*write                    | '.*write' looks like a JMH benchmark regex",
            "dev.quorumbench.bench.Phase4Benchmark.write | -l lists it",
    })
    void jmhFlagsAreAnsweredWithOneLineAndExitTwo(String args, String expected) throws Exception {
        String[] argv = (args.trim() + " --runs-dir " + runs).split("\\s+");

        int exit = main(argv);

        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, exit, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expected), text);
        try (var files = Files.list(runs)) {
            assertEquals(0, files.count(), "nothing started");
        }
    }

    @Test
    void aJmhFlagInsideJmhOrAnOptionValueIsNoHint() {
        assertTrue(JmhFlagHint.forRunArgs(new String[] {"--jmh", "-prof gc", "--cycles", "3"}).isEmpty());
        assertTrue(JmhFlagHint.forRunArgs(new String[] {"--jmh", "-f", "--writes", "5"}).isEmpty());
        assertTrue(JmhFlagHint.forRunArgs(new String[] {"--node-args", "-t 5"}).isEmpty());
        assertTrue(JmhFlagHint.forFirstArg("analyse").isEmpty(), "a misspelt command stays 'unknown command'");
    }
}
