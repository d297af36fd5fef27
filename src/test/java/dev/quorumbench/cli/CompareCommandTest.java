package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.analysis.compare.CompareFixture;
import dev.quorumbench.run.FaultClass;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    static final List<FaultClass> TWO = List.of(FaultClass.KILL_PRIMARY_MID_WRITE, FaultClass.DROP_RANDOM_ACKS);

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runAgainstItselfExitsZeroWithEveryMetricUnchanged() throws Exception {
        Path run = tmp.resolve("a");
        CompareFixture.run(run, "a", TWO, 30, 20, 0, 1);
        Result r = run("compare", run.toString(), run.toString(), "--format", "json");
        assertEquals(ExitCode.OK, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("regression").asBoolean());
        assertEquals(0, j.get("counts").get("regressed").asInt());
        assertEquals(0, j.get("counts").get("improved").asInt());
        assertEquals(0, j.get("counts").get("inconclusive").asInt());
        assertTrue(j.get("counts").get("unchanged").asInt() >= 20, r.out());
    }

    @Test
    void fiveMillisecondsSlowerHeadIsARegressionAndTheReverseAnImprovement() throws Exception {
        Path base = tmp.resolve("base");
        Path slow = tmp.resolve("slow");
        CompareFixture.run(base, "base", TWO, 30, 20, 0, 1);
        CompareFixture.run(slow, "slow", TWO, 30, 20, 5000, 2);
        Result r = run("compare", base.toString(), slow.toString());
        assertEquals(ExitCode.REGRESSION, r.code(), r.err());
        assertTrue(r.out().startsWith("## quorumbench compare: regression"), r.out());
        assertTrue(r.out().contains("| latency p50 (ms) |") && r.out().contains("**regressed**"), r.out());
        Result back = run("compare", slow.toString(), base.toString());
        assertEquals(ExitCode.OK, back.code(), back.err());
        assertTrue(back.out().contains("Improved:\n- kill_primary_mid_write, latency p50: "), back.out());
    }

    @Test
    void outOptionWritesTheFileAndPrintsOneLine() throws Exception {
        Path run = tmp.resolve("a");
        CompareFixture.run(run, "a", TWO, 10, 10, 0, 1);
        Path file = tmp.resolve("out/compare.md");
        Result r = run("compare", run.toString(), run.toString(), "--out", file.toString(), "--min-effect",
                "latency=20%,1", "--alpha", "0.01");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(Files.readString(file).contains("latency 20% and 1 ms"));
    }

    @Test
    void missingRunDirectoryIsOneLineExitTwo() {
        Result r = run("compare", tmp.resolve("nope").toString(), tmp.resolve("nope2").toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no run directory"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void differentFaultSetsAreIncompatible() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CompareFixture.run(a, "a", TWO, 10, 10, 0, 1);
        CompareFixture.run(b, "b", List.of(FaultClass.KILL_PRIMARY_MID_WRITE), 10, 10, 0, 1);
        Result r = run("compare", a.toString(), b.toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("different fault classes"), r.err());
    }

    @Test
    void differentWritesPerCycleAreIncompatible() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CompareFixture.run(a, "a", TWO, 10, 10, 0, 1);
        CompareFixture.run(b, "b", TWO, 10, 20, 0, 1);
        Result r = run("compare", a.toString(), b.toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("different writes per cycle (base 10, head 20)"), r.err());
    }

    @Test
    void goldenRunComparesWithItself() throws Exception {
        Path g = tmp.resolve("golden");
        RunFixture.golden(g);
        Result r = run("compare", g.toString(), g.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("0 regressed, 0 improved, 0 inconclusive"), r.out());
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Path run = tmp.resolve("a");
        CompareFixture.run(run, "a", TWO, 5, 10, 0, 1);
        assertEquals(ExitCode.USAGE, run("compare", run.toString()).code());
        assertEquals(ExitCode.USAGE, run("compare", run.toString(), run.toString(), "--format", "xml").code());
        assertEquals(ExitCode.USAGE, run("compare", run.toString(), run.toString(), "--alpha", "2").code());
        assertEquals(ExitCode.USAGE, run("compare", run.toString(), run.toString(), "--min-effect", "x=1").code());
        assertEquals(ExitCode.OK, run("compare", "--help").code());
    }
}
