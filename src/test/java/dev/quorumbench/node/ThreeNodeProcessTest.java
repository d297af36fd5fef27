package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real node JVMs with W=2: replication, quorum_not_met when both peers are dead, and sync after restart. */
@Tag("process")
class ThreeNodeProcessTest {
    private static final long START_MS = 60_000;
    private static final long CONVERGE_MS = 30_000;

    @TempDir
    Path dir;
    private final List<NodeProcess> nodes = new ArrayList<>();

    @BeforeEach
    void startFederation() throws Exception {
        int[] ports = {TestHttp.freePort(), TestHttp.freePort(), TestHttp.freePort()};
        for (int i = 0; i < 3; i++) {
            int[] peers = new int[2];
            for (int j = 0, k = 0; j < 3; j++) {
                if (j != i) {
                    peers[k++] = ports[j];
                }
            }
            nodes.add(new NodeProcess(dir, "node-" + i, ports[i], dir.resolve("node-" + i + ".db"),
                    List.of("--quorum-writes", "2", "--quorum-peers", NodeProcess.peers(peers),
                            // A long quorum timeout keeps 201s stable on a loaded machine; the 503 case uses refused
                            // connections, which answer at once.
                            "--quorum-timeout-ms", "10000", "--sync-interval-ms", "200"), Map.of()));
        }
        for (NodeProcess n : nodes) {
            n.start(); // all three JVMs boot in parallel
        }
        for (NodeProcess n : nodes) {
            n.awaitHealthy(START_MS);
        }
    }

    @AfterEach
    void killAll() throws Exception {
        for (NodeProcess n : nodes) {
            n.kill();
        }
    }

    private boolean everywhere(List<NodeProcess> on, String ns, List<String> titles) {
        for (NodeProcess n : on) {
            try {
                if (!new HashSet<>(TestHttp.titles(n.uri(), ns, 1000)).containsAll(titles)) {
                    return false;
                }
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }

    @Test
    void writeToNode0IsListedOnBothPeersWithin2s() throws Exception {
        TestHttp.Answer a = TestHttp.post(nodes.get(0).uri(), "/api/v1/memories", TestHttp.memoryBody("rep", "w1"));
        assertEquals(201, a.status(), a.raw().body());
        assertEquals(2, a.json().path("quorum_needed").asInt());
        assertTrue(a.json().path("quorum_acks").asInt() >= 2);
        assertTrue(TestHttp.eventually(2_000, () -> everywhere(nodes.subList(1, 3), "rep", List.of("w1"))),
                "not on node-1 and node-2 within 2 s");
    }

    @Test
    void deadPeersGiveQuorumNotMetAndSyncSpreadsEverythingAfterRestart() throws Exception {
        NodeProcess n0 = nodes.get(0);
        // One peer down: W=2 is still met through the other; node-2 must catch up by sync later.
        nodes.get(2).kill();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            titles.add("one-down-" + i);
            TestHttp.Answer a = TestHttp.post(n0.uri(), "/api/v1/memories", TestHttp.memoryBody("sync", titles.get(i)));
            assertEquals(201, a.status(), a.raw().body());
        }
        // Both peers down: refused connections, so 503 quorum_not_met with reason unreachable; the write is kept.
        nodes.get(1).kill();
        TestHttp.Answer lost = TestHttp.post(n0.uri(), "/api/v1/memories", TestHttp.memoryBody("sync", "alone"));
        assertEquals(503, lost.status(), lost.raw().body());
        assertEquals("quorum_not_met", lost.json().path("error").asText());
        assertEquals(1, lost.json().path("got").asInt());
        assertEquals(2, lost.json().path("needed").asInt());
        assertEquals("unreachable", lost.json().path("reason").asText());
        assertEquals("1", lost.raw().headers().firstValue("Retry-After").orElse(null));
        titles.add("alone");

        nodes.get(1).start();
        nodes.get(2).start();
        nodes.get(1).awaitHealthy(START_MS);
        nodes.get(2).awaitHealthy(START_MS);
        assertTrue(TestHttp.eventually(CONVERGE_MS, () -> everywhere(nodes, "sync", titles)),
                () -> "not converged; node-2 log:\n" + nodes.get(2).log());
        // No duplicates either: every node lists exactly the 21 titles.
        for (NodeProcess n : nodes) {
            assertEquals(21, TestHttp.titles(n.uri(), "sync", 7).size());
        }
    }
}
