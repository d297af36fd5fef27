package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quorum contract of POST /memories against in-process fake peers that ack, hang, or refuse. */
class QuorumWriteTest {
    private static final long QUORUM_TIMEOUT_MS = 400;

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private URI peer(String kind) throws Exception {
        switch (kind) {
            case "ack": {
                FakePeer p = FakePeer.acking();
                open.add(p);
                return p.uri();
            }
            case "hang": {
                FakePeer p = FakePeer.hanging();
                open.add(p);
                return p.uri();
            }
            default:
                return FakePeer.closed();
        }
    }

    // A write that can no longer reach W answers at once, so with a refusing peer the ack of the other may or may
    // not have arrived yet: hence a range for "got".
    @ParameterizedTest(name = "W={0} peers={1},{2} -> {3} got={4}..{5} reason={6}")
    @CsvSource({
        "1, closed, closed, 201, 1, 1,",
        "2, ack,    closed, 201, 2, 2,",
        "2, ack,    hang,   201, 2, 2,",
        "3, ack,    ack,    201, 3, 3,",
        "2, closed, closed, 503, 1, 1, unreachable",
        "2, hang,   closed, 503, 1, 1, timeout",
        "2, hang,   hang,   503, 1, 1, timeout",
        "3, ack,    closed, 503, 1, 2, unreachable",
        "3, ack,    hang,   503, 2, 2, timeout"})
    void answersByQuorum(int w, String peerA, String peerB, int status, int gotMin, int gotMax, String reason)
            throws Exception {
        ReferenceNode node = ReferenceNode.start(
                TestNodes.config(dir.resolve("n.db"), w, List.of(peer(peerA), peer(peerB)), QUORUM_TIMEOUT_MS),
                line -> { });
        open.add(0, node);
        URI base = TestNodes.base(node);

        long start = System.nanoTime();
        TestHttp.Answer a = TestHttp.post(base, "/api/v1/memories", TestHttp.memoryBody("q", "w1"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(status, a.status(), a.raw().body());
        if (status == 201) {
            assertEquals(gotMin, a.json().path("quorum_acks").asInt());
            assertEquals(w, a.json().path("quorum_needed").asInt());
        } else {
            assertEquals("quorum_not_met", a.json().path("error").asText());
            int got = a.json().path("got").asInt();
            assertTrue(got >= gotMin && got <= gotMax, "got " + got);
            assertEquals(w, a.json().path("needed").asInt());
            assertEquals(reason, a.json().path("reason").asText());
            assertEquals("1", a.raw().headers().firstValue("Retry-After").orElse(null));
            if (reason.equals("timeout")) {
                assertTrue(elapsedMs >= QUORUM_TIMEOUT_MS - 50, "answered before the quorum timeout: " + elapsedMs);
            }
        }
        // ADR-0001: the local write is kept either way.
        assertEquals(List.of("w1"), TestHttp.titles(base, "q", 20));
    }
}
