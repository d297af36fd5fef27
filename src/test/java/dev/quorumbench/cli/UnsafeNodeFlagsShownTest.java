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
        assertTrue(r.out().contains("UNSAFE node flags: --extra-latency-ms 3 (the store was slowed or broken on"
                + " purpose)\n"), r.out());
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
        assertTrue(r.out().contains("**Unsafe node flags** (the store altered on purpose): head --unsafe-no-sync."),
                r.out());
        assertTrue(r.out().contains("| unsafe node flags | none | **--unsafe-no-sync** |"), r.out());
    }
}
