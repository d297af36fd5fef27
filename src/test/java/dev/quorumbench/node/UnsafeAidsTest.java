package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation aids do what their names say, and say so in health and the startup log. */
class UnsafeAidsTest {
    @TempDir
    Path dir;
    private ReferenceNode node;
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private URI start(boolean ackBeforeCommit, long extraLatencyMs, boolean allowClockOffset) throws Exception {
        NodeConfig c = new NodeConfig("127.0.0.1", 0, "aids", dir.resolve("n.db"), 1, List.of(), 1000, 500, 0,
                1 << 20, ackBeforeCommit, false, false, extraLatencyMs, allowClockOffset);
        node = ReferenceNode.start(c, line -> {
            synchronized (log) {
                log.add(line);
            }
        });
        return TestNodes.base(node);
    }

    @Test
    void ackBeforeCommitAnswersFirstAndCommitsFromTheQueue() throws Exception {
        URI base = start(true, 0, false);
        TestHttp.Answer a = TestHttp.post(base, "/api/v1/memories", TestHttp.memoryBody("u", "queued"));
        assertEquals(201, a.status(), a.raw().body());
        assertTrue(TestHttp.eventually(10_000, () -> {
            try {
                return TestHttp.titles(base, "u", 20).contains("queued");
            } catch (Exception e) {
                return false;
            }
        }), "the queued write was never committed");
        assertEquals(409, TestHttp.post(base, "/api/v1/memories", TestHttp.memoryBody("u", "queued")).status());
        JsonNode health = TestHttp.get(base, "/api/v1/health").json();
        assertEquals("ack-before-commit", health.path("unsafe").get(0).asText());
        synchronized (log) {
            assertTrue(log.stream().anyMatch(l -> l.startsWith("WARNING unsafe") && l.contains("ack-before-commit")),
                    log.toString());
        }
    }

    @Test
    void dequeueBeforePushTakesTheRowOutWhileItsPushIsInFlightAndPutsItBackAfter() throws Exception {
        try (FakePeer peer = FakePeer.hanging()) {
            // W=2 with a peer that never answers: the row's push waits the whole quorum timeout, 1 s, and the row
            // is out of the table all that time (a SIGKILL then would lose it: FanoutKillProcessTest).
            NodeConfig c = new NodeConfig("127.0.0.1", 0, "aids", dir.resolve("n.db"), 2, List.of(peer.uri()), 1000,
                    500, 0, 1 << 20, false, true, false, 0, false, false, true);
            node = ReferenceNode.start(c, line -> {
                synchronized (log) {
                    log.add(line);
                }
            });
            URI base = TestNodes.base(node);
            TestHttp.Answer a = TestHttp.post(base, "/api/v1/memories", TestHttp.memoryBody("u", "moved"));
            assertEquals(201, a.status(), a.raw().body());
            assertEquals(2, a.json().path("quorum_acks").asInt(), "claims the quorum at once");
            assertTrue(TestHttp.eventually(5_000, () -> !titles(base).contains("moved")), "never taken out");
            assertTrue(TestHttp.eventually(5_000, () -> titles(base).contains("moved")), "never put back");
            assertEquals("dequeue-before-push", TestHttp.get(base, "/api/v1/health").json().path("unsafe").get(0)
                    .asText());
        }
    }

    private static List<String> titles(URI base) {
        try {
            return TestHttp.titles(base, "u", 20);
        } catch (Exception e) {
            return List.of("unreadable");
        }
    }

    @Test
    void extraLatencySlowsEveryWrite() throws Exception {
        URI base = start(false, 300, false);
        long t0 = System.nanoTime();
        assertEquals(201, TestHttp.post(base, "/api/v1/memories", TestHttp.memoryBody("u", "slow")).status());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300);
    }

    @Test
    void clockOffsetShiftsTheNodeClockWhenAllowed() throws Exception {
        URI base = start(false, 0, true);
        TestHttp.Answer set = TestHttp.post(base, "/api/v1/admin/clock-offset", "{\"offset_ms\":60000}");
        assertEquals(200, set.status(), set.raw().body());
        assertEquals(60_000, set.json().path("offset_ms").asLong());
        long skew = TestHttp.get(base, "/api/v1/health").json().path("time_ms").asLong() - System.currentTimeMillis();
        assertTrue(skew > 55_000 && skew < 65_000, "skew " + skew);
        assertEquals(201, TestHttp.post(base, "/api/v1/memories", TestHttp.memoryBody("u", "late")).status());
        JsonNode row = TestHttp.get(base, "/api/v1/memories?namespace=u").json().path("memories").get(0);
        assertTrue(Timestamps.parseMs(row.path("updated_at").asText()) - System.currentTimeMillis() > 55_000);
        assertEquals(400, TestHttp.post(base, "/api/v1/admin/clock-offset", "{\"offset_ms\":\"x\"}").status());
    }
}
