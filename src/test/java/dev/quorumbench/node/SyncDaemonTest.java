package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Anti-entropy between in-process nodes: convergence after a peer was down, and skew-proof watermarks. */
class SyncDaemonTest {
    private static final long DEADLINE_MS = 20_000;

    @TempDir
    Path dir;
    private final List<ReferenceNode> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        nodes.forEach(ReferenceNode::close);
    }

    private ReferenceNode start(String name, int port, int w, List<URI> peers, boolean wallclock, NodeClock clock)
            throws Exception {
        NodeConfig c = new NodeConfig("127.0.0.1", port, name, dir.resolve(name + ".db"), w, peers, 1000, 100, 0,
                1 << 20, false, false, wallclock, 0, false);
        ReferenceNode n = ReferenceNode.start(c, line -> { }, clock);
        nodes.add(n);
        return n;
    }

    private static boolean has(URI node, String ns, String... titles) {
        try {
            return new HashSet<>(TestHttp.titles(node, ns, 7)).containsAll(List.of(titles));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void convergesAfterAPeerWasDown() throws Exception {
        int portB = TestHttp.freePort();
        URI b = URI.create("http://127.0.0.1:" + portB);
        ReferenceNode a = start("a", 0, 1, List.of(b), false, new NodeClock());
        URI aUri = TestNodes.base(a);
        String[] titles = new String[45];
        for (int i = 0; i < titles.length; i++) {
            titles[i] = "w" + i;
            assertEquals(201, TestHttp.post(aUri, "/api/v1/memories", TestHttp.memoryBody("down", titles[i])).status());
        }
        start("b", portB, 1, List.of(aUri), false, new NodeClock());
        assertTrue(TestHttp.eventually(DEADLINE_MS, () -> has(b, "down", titles)), "b never caught up with a");
        // And back: a write accepted by b alone reaches a.
        assertEquals(201, TestHttp.post(b, "/api/v1/memories", TestHttp.memoryBody("down", "from-b")).status());
        assertTrue(TestHttp.eventually(DEADLINE_MS, () -> has(aUri, "down", "from-b")));
        assertEquals(TestHttp.titles(aUri, "down", 1000).size(), TestHttp.titles(b, "down", 1000).size());
    }

    /**
     * Node b's clock runs 60 s ahead and b learns a's rows only by pulling. The safe watermark (a's own sequence)
     * misses nothing; the unsafe wall-clock watermark skips the row written after b's first pull.
     */
    @ParameterizedTest(name = "wallclock={0}")
    @ValueSource(booleans = {false, true})
    void clockSkewLosesRowsOnlyUnderTheWallClockWatermark(boolean wallclock) throws Exception {
        NodeClock aClock = new NodeClock();
        ReferenceNode a = start("a", 0, 1, List.of(), false, aClock);
        URI aUri = TestNodes.base(a);
        assertEquals(201, TestHttp.post(aUri, "/api/v1/memories", TestHttp.memoryBody("skew", "r1")).status());

        NodeClock skewed = new NodeClock();
        skewed.setOffsetMs(60_000);
        ReferenceNode b = start("b", 0, 1, List.of(aUri), wallclock, skewed);
        URI bUri = TestNodes.base(b);
        assertTrue(TestHttp.eventually(DEADLINE_MS, () -> has(bUri, "skew", "r1")), "first pull never happened");

        assertEquals(201, TestHttp.post(aUri, "/api/v1/memories", TestHttp.memoryBody("skew", "r2")).status());
        aClock.setOffsetMs(120_000); // r3 is stamped later than b's clock, so both watermarks let it through
        assertEquals(201, TestHttp.post(aUri, "/api/v1/memories", TestHttp.memoryBody("skew", "r3")).status());
        assertTrue(TestHttp.eventually(DEADLINE_MS, () -> has(bUri, "skew", "r3")), "b never pulled r3");

        if (wallclock) {
            // b pulled after r2 was committed (it has r3, written later) and still skipped it: the skew lost r2.
            assertFalse(has(bUri, "skew", "r2"), "the wall-clock watermark should have skipped r2");
        } else {
            assertTrue(TestHttp.eventually(DEADLINE_MS, () -> has(bUri, "skew", "r2")));
        }
    }
}
