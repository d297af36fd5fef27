package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node-1 runs under libfaketime 60 s ahead; the safe sync still converges rows in both directions. */
@Tag("process")
class ClockSkewProcessTest {
    static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
    private static final long START_MS = 60_000;
    private static final long CONVERGE_MS = 30_000;

    @TempDir
    Path dir;
    private final List<NodeProcess> nodes = new ArrayList<>();

    @AfterEach
    void killAll() throws Exception {
        for (NodeProcess n : nodes) {
            n.kill();
        }
    }

    private static boolean has(NodeProcess n, String ns, List<String> titles) {
        try {
            return new HashSet<>(TestHttp.titles(n.uri(), ns, 1000)).containsAll(titles);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void safeSyncConvergesWithAPeerSixtySecondsAhead() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(LIBFAKETIME), "libfaketime is not installed at " + LIBFAKETIME);
        int[] ports = {TestHttp.freePort(), TestHttp.freePort(), TestHttp.freePort()};
        // FORCE_MONOTONIC_FIX=0: libfaketime 0.9.10 on glibc enables that fix by default, and then every timed
        // wait of the JVM (Object.wait, parkNanos) returns at once: all idle threads busy-spin.
        Map<String, String> faketime = Map.of("LD_PRELOAD", LIBFAKETIME.toString(), "FAKETIME", "+60s",
                "FAKETIME_DONT_FAKE_MONOTONIC", "1", "FAKETIME_FORCE_MONOTONIC_FIX", "0");
        for (int i = 0; i < 3; i++) {
            int[] peers = i == 0 ? new int[] {ports[1], ports[2]}
                    : i == 1 ? new int[] {ports[0], ports[2]} : new int[] {ports[0], ports[1]};
            nodes.add(new NodeProcess(dir, "node-" + i, ports[i], dir.resolve("node-" + i + ".db"),
                    List.of("--quorum-writes", "2", "--quorum-peers", NodeProcess.peers(peers),
                            // a long quorum timeout: this test is about sync, not about a loaded machine's latency
                            "--quorum-timeout-ms", "10000", "--sync-interval-ms", "200"), i == 1 ? faketime : Map.of()));
        }
        NodeProcess n0 = nodes.get(0);
        NodeProcess n1 = nodes.get(1);
        NodeProcess n2 = nodes.get(2);
        n0.start();
        n2.start();
        n0.awaitHealthy(START_MS);
        n2.awaitHealthy(START_MS);

        // Written while node-1 is down: node-1 can only learn these by pulling.
        List<String> early = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            early.add("early-" + i);
            assertEquals(201, TestHttp.post(n0.uri(), "/api/v1/memories", TestHttp.memoryBody("skew", early.get(i)))
                    .status());
        }
        n1.start().awaitHealthy(START_MS);
        long skew = TestHttp.get(n1.uri(), "/api/v1/health").json().path("time_ms").asLong()
                - System.currentTimeMillis();
        assertTrue(skew > 50_000 && skew < 70_000, "node-1 under libfaketime reports a skew of " + skew + " ms");
        assertTrue(TestHttp.eventually(CONVERGE_MS, () -> has(n1, "skew", early)),
                () -> "node-1 did not catch up:\n" + n1.log());

        // Written through the skewed node while node-0 is down: stamped 60 s ahead, node-0 must still get them.
        n0.kill();
        List<String> ahead = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ahead.add("ahead-" + i);
            assertEquals(201, TestHttp.post(n1.uri(), "/api/v1/memories", TestHttp.memoryBody("skew", ahead.get(i)))
                    .status());
        }
        n0.start().awaitHealthy(START_MS);
        List<String> all = new ArrayList<>(early);
        all.addAll(ahead);
        assertTrue(TestHttp.eventually(CONVERGE_MS, () -> nodes.stream().allMatch(n -> has(n, "skew", all))),
                () -> "not converged under skew; node-0 log:\n" + n0.log());
        for (NodeProcess n : nodes) {
            assertEquals(30, TestHttp.titles(n.uri(), "skew", 1000).size());
        }
    }
}
