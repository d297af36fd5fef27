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
            "--campaign-id ..                     | --campaign-id must be",
            "--campaign-id .                      | --campaign-id must be",
            "--campaign-id -x                     | --campaign-id must be",
            "--cycles 5 --cycles 6                | --cycles is given more than once",
            "-v --verbose                         | --verbose is given more than once",
            "--faults partition_minority,partition_minority | a fault class is named twice",
            "--rate 1e-300                        | --rate must be within [0.001, 1000000]",
            "--rate 1e9                           | --rate must be within [0.001, 1000000]",
            "--cycles 2000000000                  | --cycles and --warmup-cycles must be ≤ 100000",
            "--preset smoke --preset phase4       | --preset is given more than once",
            "--bogus                              | Unrecognized option: --bogus",
            "--jmh -nonsense                      | --jmh",
            "surplus                              | unknown command 'surplus'",
            "--target etcd --faults kill_primary_mid_write,clock_skew_peer | --faults names clock_skew_peer, which target etcd declares not applicable: etcd is a Go binary",
            "--gate-metrics latency_p50           | --gate-metrics applies to an interleaved A/B campaign",
            "--preset pr --gate-metrics latency_p42 | gate metrics (--gate-metrics or ab.gate_metrics): unknown metric 'latency_p42'",
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"cylces\": 1}                                  | unknown key 'cylces'",
            "{\"thresholds\": {\"convergence_bound\": -1}}    | thresholds.convergence_bound (--threshold) must be a fraction in (0, 1]",
            "{\"thresholds\": {\"replica_convergence\": 7}}   | thresholds.replica_convergence (--replica-threshold) must be a fraction",
            "{\"thresholds\": {\"lost_acknowledged\": -1}}    | thresholds.lost_acknowledged must be ≥ 0",
            "{\"thresholds\": {\"convergense_bound\": 1}}     | unknown key 'thresholds.convergense_bound'",
            "{\"quorum_writes\": 7}                           | quorum_writes must be within 1..3",
            "{\"quorum_writes\": 0}                           | quorum_writes must be within 1..3",
            "{\"faults\": [\"drop_random_acks\", \"drop_random_acks\"]} | a fault class is named twice",
            "{\"rate_per_s\": 1e-300}                          | --rate must be within",
            "{\"cycles\": \"5\"}                               | cycles",
            "{\"cycles\": 1.5}                                | cycles",
            "{\"cycles\": null}                               | cycles",
            "{\"skew_ms\": -5}                                | skew_ms must be within 0..2147483647",
            "{\"write_deadline_ms\": 99999999999}             | write_deadline_ms must be within",
            "{\"run_dir\": \"/tmp\"}                           | unknown key 'run_dir'",
            "{\"ab\": {\"gate_metrics\": \"latency_p50\"}}        | ab.gate_metrics must be a list of strings",
            "{\"ab\": {\"gate_metrics\": [\"p50\"]}}              | unknown metric 'p50'",
    })
    void presetValuesAreCheckedLikeOptions(String preset, String expected, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.json"), preset);
        String text = badUsage(new String[] {"--preset", file.toString(), "--runs-dir", runs.toString()});
        assertTrue(text.contains(expected), text);
    }

    @Test
    void anEmptyCampaignIdIsRefused() throws Exception {
        String text = badUsage(new String[] {"--campaign-id", "", "--runs-dir", runs.toString()});
        assertTrue(text.contains("--campaign-id must be"), text);
    }

    @Test
    void anUnwritableRunsDirIsBadInput() throws Exception {
        // A regular file where a directory must be: unwritable for any user, root included.
        Path file = Files.writeString(runs.resolve("a-file"), "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--faults", "drop_random_acks", "--cycles", "1", "--runs-dir",
                file.resolve("sub").toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, exit, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("--runs-dir"), text);
    }

    /** Runs {@code argv}, asserts exit 2 with one line and nothing written, and returns the line. */
    private String badUsage(String[] argv) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(argv, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, exit, text);
        assertEquals(1, text.lines().count(), "one line: " + text);
        assertFalse(text.contains("Exception"), text);
        try (var files = Files.list(runs)) {
            assertEquals(0, files.count(), "nothing written for bad usage");
        }
        return text;
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
