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
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("base and head differ in writes (10 vs 20), which changes what is measured;"
                + " --allow-different writes compares anyway"), r.err());
    }

    /** Sets {@code key} of a run's campaign.json to {@code value} (a JSON literal), as another campaign would have. */
    static void setCampaign(Path run, String key, String value) throws Exception {
        ObjectMapper m = new ObjectMapper();
        Path file = run.resolve("campaign.json");
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) m
                .readTree(Files.readString(file));
        o.set(key, m.readTree(value));
        Files.writeString(file, m.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}, strict {1}: exit {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "REGRESSION, false, 3", "REGRESSION, true, 3", "INCONCLUSIVE, false, 0", "INCONCLUSIVE, true, 5",
        "NO_REGRESSION, false, 0", "NO_REGRESSION, true, 0"})
    void exitCodes(dev.quorumbench.analysis.compare.Comparison.Outcome outcome, boolean strict, int code) {
        assertEquals(code, CompareCommand.exitCode(outcome, strict));
    }

    @Test
    void otherFaultWindowIsRefusedUnlessAllowedThenInTheHeadline() throws Exception {
        // The repro: --fault-window-ms 500 vs 100 compared as "no regression, 3 improved" with no note.
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CompareFixture.run(a, "a", TWO, 10, 10, 0, 1);
        CompareFixture.run(b, "b", TWO, 10, 10, 0, 2);
        setCampaign(b, "fault_window_ms", "100");
        Result refused = run("compare", a.toString(), b.toString());
        assertEquals(ExitCode.USAGE, refused.code());
        assertEquals("quorumbench compare: base and head differ in fault_window_ms (500 vs 100), which changes what is measured;"
                + " --allow-different fault_window_ms compares anyway", refused.err().strip());
        Result allowed = run("compare", a.toString(), b.toString(), "--allow-different", "fault_window_ms");
        assertEquals(ExitCode.OK, allowed.code(), allowed.err());
        assertTrue(allowed.out().contains("**Compared although what is measured differs** (--allow-different):"
                + " fault_window_ms 500 → 100."), allowed.out());
        assertTrue(allowed.out().contains("| fault_window_ms | 500 | 100 | yes (allowed) |"), allowed.out());
    }

    @Test
    void unknownAllowDifferentSettingIsAUsageError() throws Exception {
        Path a = tmp.resolve("a");
        CompareFixture.run(a, "a", TWO, 5, 10, 0, 1);
        Result r = run("compare", a.toString(), a.toString(), "--allow-different", "window");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("--allow-different: unknown setting 'window'"), r.err());
    }

    @Test
    void smallRunsAreInconclusiveNeverNoRegressionAndStrictGateExitsFive() throws Exception {
        // The repro: +288 % p50 on 3 cycles passed under "no regression".
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CompareFixture.run(a, "a", TWO, 3, 20, 0, 1);
        CompareFixture.run(b, "b", TWO, 3, 20, 20_000, 2);
        Result lenient = run("compare", a.toString(), b.toString());
        assertEquals(ExitCode.OK, lenient.code(), lenient.err());
        assertTrue(lenient.out().startsWith("## quorumbench compare: inconclusive\n"), lenient.out());
        assertFalse(lenient.out().contains("no regression"), lenient.out());
        assertTrue(lenient.out().contains("latency p50: ") && lenient.out().contains("fewer than 4 blocks on a side"),
                lenient.out());
        Result strict = run("compare", a.toString(), b.toString(), "--gate", "strict", "--out",
                tmp.resolve("c.md").toString());
        assertEquals(ExitCode.INCONCLUSIVE, strict.code(), strict.err());
        assertTrue(strict.out().startsWith("inconclusive: "), strict.out());
        assertEquals(ExitCode.USAGE, run("compare", a.toString(), b.toString(), "--gate", "loose").code());
    }

    @Test
    void gateMetricsLeaveTheRestOutsideTheGate() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CompareFixture.run(a, "a", TWO, 30, 20, 0, 1);
        CompareFixture.run(b, "b", TWO, 30, 20, 5000, 2);
        assertEquals(ExitCode.REGRESSION, run("compare", a.toString(), b.toString()).code());
        // 5 ms slower (and convergence inconclusive), but the gate is lost writes only: all reported beside the
        // gate, exit 0 even under the strict gate.
        Result r = run("compare", a.toString(), b.toString(), "--gate-metrics", "lost", "--gate", "strict");
        assertEquals(ExitCode.OK, r.code(), r.out());
        assertTrue(r.out().startsWith("## quorumbench compare: no regression\n"), r.out());
        assertTrue(r.out().contains("reported outside the gate") && r.out().contains("regressed (not gated)"), r.out());
        JsonNode j = new ObjectMapper().readTree(run("compare", a.toString(), b.toString(), "--gate-metrics",
                "lost", "--format", "json").out());
        assertTrue(j.get("counts").get("outside_gate").asLong() > 0);
        assertEquals("lost_acknowledged", j.get("settings").get("gate_metrics").get(0).asText());
        // With convergence in the gate, its inconclusive verdicts hold up a strict gate again.
        assertEquals(ExitCode.INCONCLUSIVE, run("compare", a.toString(), b.toString(), "--gate-metrics",
                "convergence,lost", "--gate", "strict").code());
        Result bad = run("compare", a.toString(), b.toString(), "--gate-metrics", "latency_p42");
        assertEquals(ExitCode.USAGE, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("--gate-metrics: unknown metric 'latency_p42'"), bad.err());
    }

    @Test
    void differentCycleCountsCompare() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CompareFixture.run(a, "a", TWO, 40, 20, 0, 1);
        CompareFixture.run(b, "b", TWO, 10, 20, 5000, 2);
        Result r = run("compare", a.toString(), b.toString(), "--format", "json");
        assertEquals(ExitCode.REGRESSION, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("regression", j.get("outcome").asText());
        assertEquals("cycles", j.get("setting_differences").get(0).get("key").asText());
        assertFalse(j.get("setting_differences").get(0).get("changes_measurement").asBoolean());
    }

    @Test
    void severalRunsASideMakeRunsTheUnitInEitherForm() throws Exception {
        List<String> base = new java.util.ArrayList<>();
        List<String> head = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path a = tmp.resolve("a" + i);
            Path b = tmp.resolve("b" + i);
            CompareFixture.run(a, "a" + i, List.of(FaultClass.DROP_RANDOM_ACKS), 6, 10, 0, 10 + i);
            CompareFixture.run(b, "b" + i, List.of(FaultClass.DROP_RANDOM_ACKS), 6, 10, 5000, 20 + i);
            base.add(a.toString());
            head.add(b.toString());
        }
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--format", "json"));
        args.addAll(base);
        args.add("--");
        args.addAll(head);
        Result separated = run(args.toArray(String[]::new));
        assertEquals(ExitCode.REGRESSION, separated.code(), separated.err());
        JsonNode p50 = new ObjectMapper().readTree(separated.out()).get("faults").get("drop_random_acks").get(5);
        assertEquals("latency_p50", p50.get("metric").asText());
        assertEquals("runs", p50.get("units").asText());
        assertEquals(5, p50.get("base_units").asInt());
        assertEquals("regressed", p50.get("verdict").asText());
        List<String> named = new java.util.ArrayList<>(List.of("compare", "--format", "json"));
        base.forEach(d -> named.addAll(List.of("--base", d)));
        head.forEach(d -> named.addAll(List.of("--head", d)));
        assertEquals(separated.out(), run(named.toArray(String[]::new)).out());
        assertEquals(ExitCode.USAGE, run("compare", base.get(0), "--").code());
        assertEquals(ExitCode.USAGE, run("compare", "--base", base.get(0)).code());
    }

    @Test
    void faultsComparesASubset() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CompareFixture.run(a, "a", TWO, 10, 10, 0, 1);
        CompareFixture.run(b, "b", List.of(FaultClass.KILL_PRIMARY_MID_WRITE), 10, 10, 0, 1);
        Result r = run("compare", a.toString(), b.toString(), "--faults", "kill_primary_mid_write", "--format", "json");
        assertEquals(ExitCode.OK, r.code(), r.err());
        JsonNode faults = new ObjectMapper().readTree(r.out()).get("faults");
        assertEquals(1, faults.size());
        assertTrue(faults.has("kill_primary_mid_write"));
        assertEquals(ExitCode.USAGE, run("compare", a.toString(), b.toString(), "--faults", "nope").code());
    }

    @Test
    void goldenRunComparesWithItself() throws Exception {
        Path g = tmp.resolve("golden");
        RunFixture.golden(g);
        Result r = run("compare", g.toString(), g.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        // The golden run loses one acknowledged write: both sides losing is never a pass, even against itself.
        assertTrue(r.out().contains("0 regressed, 0 improved, 1 inconclusive"), r.out());
        assertTrue(r.out().startsWith("## quorumbench compare: inconclusive\n"), r.out());
        assertTrue(r.out().contains("both sides lose acknowledged writes; per run: base 1, head 1"), r.out());
        assertEquals(ExitCode.INCONCLUSIVE, run("compare", g.toString(), g.toString(), "--gate", "strict").code());
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Path run = tmp.resolve("a");
        CompareFixture.run(run, "a", TWO, 5, 10, 0, 1);
        assertEquals(ExitCode.USAGE, run("compare", run.toString()).code());
        assertEquals(ExitCode.USAGE, run("compare", run.toString(), run.toString(), "--format", "xml").code());
        assertEquals(ExitCode.USAGE, run("compare", run.toString(), run.toString(), "--alpha", "2").code());
        assertEquals(ExitCode.USAGE, run("compare", run.toString(), run.toString(), "--min-effect", "x=1").code());
        Result empty = run("compare", run.toString(), run.toString(), "--min-effect", "latency=,");
        assertEquals(ExitCode.USAGE, empty.code());
        assertEquals(1, empty.err().lines().count(), empty.err());
        assertEquals(ExitCode.OK, run("compare", "--help").code());
    }
}
