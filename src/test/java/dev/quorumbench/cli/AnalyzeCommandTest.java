package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze}: outputs, exit codes 0/1/2, partial runs, one-line errors. */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int analyze(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "analyze";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passingRunExitsZeroAndWritesEveryOutput() throws IOException {
        Path run = dir.resolve("run");
        RunFixture.synthetic(run, RunFixture.FAULTS, 4, 100, 3L);

        int code = analyze(run.toString());

        assertEquals(ExitCode.OK, code, out() + err());
        assertTrue(out().contains("PASS"), out());
        for (FaultClass f : RunFixture.FAULTS) {
            assertTrue(Files.size(RunFiles.histogram(run, f)) > 0);
        }
        JsonNode p = new ObjectMapper().readTree(run.resolve("phase4.json").toFile());
        assertTrue(p.get("pass").asBoolean());
        assertTrue(p.get("complete").asBoolean());
        assertTrue(Files.readString(run.resolve("report.md")).contains("not a loss probability"));
        assertEquals("", err());
    }

    @Test
    void failingClassExitsOneAndOutGoesElsewhere() throws IOException {
        Path run = dir.resolve("run");
        Path elsewhere = dir.resolve("elsewhere");
        RunFixture.golden(run);

        int code = analyze(run.toString(), "--out", elsewhere.toString());

        assertEquals(ExitCode.FAILED, code);
        assertTrue(out().contains("partition_minority: replica_convergence 0.966667 < 0.99"), out());
        assertTrue(Files.isRegularFile(elsewhere.resolve("phase4.json")));
        assertTrue(Files.isRegularFile(elsewhere.resolve("report.md")));
        assertFalse(Files.exists(run.resolve("phase4.json")));
    }

    @Test
    void interruptedRunIsAnExplicitPartialResult() throws IOException {
        Path run = dir.resolve("run");
        RunFixture.synthetic(run, RunFixture.FAULTS, 4, 100, 3L);
        Files.delete(run.resolve(RunFiles.JMH_RESULT));
        Path jsonl = run.resolve(RunFiles.cycleLogName(FaultClass.DROP_RANDOM_ACKS));
        String text = Files.readString(jsonl);
        Files.writeString(jsonl, text.substring(0, text.length() - 50));

        int code = analyze(run.toString());

        assertEquals(ExitCode.FAILED, code, err());
        assertEquals("", err());
        JsonNode p = new ObjectMapper().readTree(run.resolve("phase4.json").toFile());
        assertFalse(p.get("complete").asBoolean());
        assertFalse(p.get("pass").asBoolean());
        assertEquals(3, p.get("cycles_done").get(FaultClass.DROP_RANDOM_ACKS.key()).asInt());
        List<String> reasons = new ObjectMapper().convertValue(p.get("reasons"), List.class);
        assertEquals(List.of("incomplete: drop_random_acks 3/4 cycles",
                "incomplete: phase4-drop_random_acks.jsonl last line cut off",
                "incomplete: jmh-result.json missing, empty or cut off"), reasons);
        assertTrue(out().contains("FAIL (incomplete)"), out());
    }

    @Test
    void missingRunDirectoryIsOneLineExitTwo() {
        int code = analyze(dir.resolve("nope").toString());

        assertEquals(ExitCode.USAGE, code);
        assertEquals("quorumbench analyze: no run directory at " + dir.resolve("nope") + "\n", err());
    }

    @Test
    void malformedJsonlIsOneLineExitTwo() throws IOException {
        Path run = dir.resolve("run");
        RunFixture.golden(run);
        Path jsonl = run.resolve(RunFiles.cycleLogName(FaultClass.CLOCK_SKEW_PEER));
        List<String> lines = Files.readAllLines(jsonl);
        lines.set(0, "{\"cycle\": \"one\"}");
        Files.write(jsonl, lines);

        int code = analyze(run.toString());

        assertEquals(ExitCode.USAGE, code);
        assertTrue(err().startsWith("quorumbench analyze: phase4-clock_skew_peer.jsonl:1: not a cycle record"), err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(ExitCode.USAGE, analyze());
        assertEquals(ExitCode.USAGE, analyze("--bogus", "x"));
        assertEquals(ExitCode.USAGE, analyze("a", "b"));
        assertEquals(3, err().lines().count(), err());
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(ExitCode.OK, analyze("--help"));
        assertTrue(out().contains("--out"), out());
        assertTrue(out().contains("RUN_DIR"), out());
    }

    @Test
    void ciFilesAreWrittenOnRequest() throws IOException {
        Path run = dir.resolve("run");
        RunFixture.golden(run);
        Path ci = Files.createDirectories(dir.resolve("ci"));

        int code = analyze(run.toString(), "--junit", ci.resolve("junit.xml").toString(),
                "--bmf", ci.resolve("bmf.json").toString(), "--benchmark-json", ci.resolve("bench.json").toString());

        assertEquals(ExitCode.FAILED, code, out() + err());
        assertTrue(Files.readString(ci.resolve("junit.xml")).contains("<testcase name=\"partition_minority\""));
        assertTrue(new ObjectMapper().readTree(ci.resolve("bmf.json").toFile()).has("clock_skew_peer"));
        assertEquals(12, new ObjectMapper().readTree(ci.resolve("bench.json").toFile()).size());
        assertTrue(out().contains("wrote " + ci.resolve("junit.xml").toAbsolutePath()), out());
    }

    @Test
    void aCiFileInNoDirectoryIsOneLineExitTwoBeforeAnalysis() throws IOException {
        Path run = dir.resolve("run");
        RunFixture.golden(run);

        int code = analyze(run.toString(), "--junit", dir.resolve("nope/junit.xml").toString());

        assertEquals(ExitCode.USAGE, code);
        assertTrue(err().startsWith("quorumbench analyze: --junit "), err());
        assertTrue(err().contains("no such directory"), err());
        assertEquals(1, err().lines().count(), err());
        assertFalse(Files.exists(run.resolve("phase4.json")), "nothing analysed");
    }
}
