package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.analysis.compare.CompareFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repro: unsafe node flags appeared nowhere a run's result is shown. Now the analyze summary and
 * compare's headline, header and notes name them.
 */
class UnsafeNodeFlagsShownTest {

    @TempDir
    Path tmp;

    @Test
    void analyzeSummaryNamesThem() throws Exception {
        Path run = tmp.resolve("slow");
        CompareFixture.run(run, "slow", CompareCommandTest.TWO, 5, 10, 3000, 1);
        CompareCommandTest.Result plain = CompareCommandTest.run("analyze", run.toString(), "--out",
                tmp.resolve("a1").toString());
        assertFalse(plain.out().contains("UNSAFE"), plain.out());
        CompareCommandTest.setCampaign(run, "node_args", "[\"--extra-latency-ms\", \"3\"]");
        CompareCommandTest.Result r = CompareCommandTest.run("analyze", run.toString(), "--out",
                tmp.resolve("a2").toString());
        assertEquals(plain.code(), r.code(), r.err());
        assertTrue(r.out().contains("UNSAFE: node flag --extra-latency-ms 3: the nodes were altered on purpose, so"
                + " these results do not describe a safe deployment\n"), r.out());
    }

    @Test
    void compareNamesThemInTheHeadlineAndTheHeader() throws Exception {
        Path base = tmp.resolve("base");
        Path slow = tmp.resolve("slow");
        CompareFixture.run(base, "base", CompareCommandTest.TWO, 10, 10, 0, 1);
        CompareFixture.run(slow, "slow", CompareCommandTest.TWO, 10, 10, 3000, 2);
        CompareCommandTest.setCampaign(slow, "node_args", "[\"--unsafe-no-sync\"]");
        CompareCommandTest.Result r = CompareCommandTest.run("compare", base.toString(), slow.toString(),
                "--allow-different", "node_args");
        assertTrue(r.out().contains("**Unsafe settings**:\n- head: node flag `--unsafe-no-sync`: the nodes were altered"
                + " on purpose"), r.out());
        assertTrue(r.out().contains("| unsafe | none | **yes** (1, listed above) |"), r.out());
    }

    @Test
    void aFaultNotReallyInjectedIsUnsafeInAnalyzeAndCompareAsInTheReleaseNotes() throws Exception {
        Path g = tmp.resolve("golden");
        dev.quorumbench.analysis.RunFixture.golden(g);
        String sentence = "clock_skew_peer: mechanism `recorded-only` is simulated, the fault was not really injected";
        CompareCommandTest.Result a = CompareCommandTest.run("analyze", g.toString(), "--out",
                tmp.resolve("a").toString());
        assertTrue(a.out().contains("UNSAFE: " + sentence.replace("`", "") + "\n"), a.out());
        CompareCommandTest.Result c = CompareCommandTest.run("compare", g.toString(), g.toString());
        assertTrue(c.out().contains("**Unsafe settings**:\n- base: " + sentence + "\n- head: " + sentence + "\n"),
                c.out());
    }
}
