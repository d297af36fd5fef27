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

/** Bad usage of the run command: exit 2, one line on stderr, nothing started and nothing written. */
class RunOptionsTest {

    @TempDir
    Path runs;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--cycles abc                         | --cycles takes a whole number",
            "--writes -3                          | --writes takes a whole number",
            "--faults bogus                       | unknown fault 'bogus' (valid: kill_primary_mid_write, partition_minority, drop_random_acks, clock_skew_peer)",
            "--rate 0                             | --rate takes a positive number",
            "--threshold 1.5                      | --threshold takes a fraction",
            "--mechanism partition_minority       | --mechanism takes FAULT=NAME",
            "--mechanism partition_minority=nope  | partition_minority",
            "--mechanism clock_skew_peer=x --faults partition_minority | which this campaign does not run",
            "--mechanism partition=iptables      | unknown fault 'partition' (valid: kill_primary_mid_write,",
            "--preset nope                        | --preset: 'nope' is neither a bundled preset",
            "--target nope.json                   | nope.json",
            "--campaign-id a/b                    | --campaign-id must be",
            "--bogus                              | Unrecognized option: --bogus",
            "--jmh -nonsense                      | --jmh",
            "surplus                              | unknown command 'surplus'",
            "--target etcd --faults kill_primary_mid_write,clock_skew_peer | --faults names clock_skew_peer, which target etcd declares not applicable: etcd is a Go binary",
    })
    void badUsageExitsTwoWithOneLine(String args, String expected) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] argv = (args.trim() + " --runs-dir " + runs).split("\\s+");
        int exit = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, exit, text);
        assertEquals(1, text.lines().count(), "one line: " + text);
        assertTrue(text.contains(expected), text);
        assertFalse(text.contains("Exception"), text);
        try (var files = Files.list(runs)) {
            assertEquals(0, files.count(), "nothing written for bad usage");
        }
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws Exception {
        Files.createDirectories(runs.resolve("taken"));
        Files.writeString(runs.resolve("taken/phase4.json"), "{}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--campaign-id", "taken", "--runs-dir", runs.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.USAGE, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("already exists"));
        assertEquals("{}", Files.readString(runs.resolve("taken/phase4.json")));
    }

    @Test
    void listNamesTheBenchmarks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(ExitCode.OK, Main.run(new String[] {"-l"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream())));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("dev.quorumbench.bench.Phase4Benchmark.write"));
    }
}
