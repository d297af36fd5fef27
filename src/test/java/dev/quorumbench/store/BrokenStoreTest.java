package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.client.RetryPolicy;
import dev.quorumbench.client.WriteClient;
import dev.quorumbench.client.WriteResult;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.time.Await;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ai-memory's protocol and the retry loop against a broken store on real sockets: resets after reading the body,
 * 409s, garbage 2xx bodies, refused connections. Each lands in its bucket: a write is a definite failure only when
 * no attempt could have taken effect.
 */
class BrokenStoreTest {

    /** 300 ms per write, 5..20 ms pauses: a write that keeps retrying ends within the test's patience. */
    private static final RetryPolicy SHORT = new RetryPolicy(300, 5, 20);

    @ParameterizedTest(name = "{0} -> {1}, last {2}")
    @Timeout(20)
    @CsvSource({
            // what the node does per request (the last repeats) | bucket | last attempt | attempts (0: until the deadline)
            "CREATED,                      ok,                 CREATED,         1",
            "SERVER_ERROR CREATED,         ok,                 CREATED,         2",
            "CONFLICT,                     fail_indeterminate, CONFLICT,        1",
            "REJECTED,                     fail_definite,      REJECTED,        1",
            "RESET,                        fail_indeterminate, CONNECTION_LOST, 0",
            "RESET CONFLICT,               fail_indeterminate, CONFLICT,        2",
            "GARBAGE,                      fail_indeterminate, GARBAGE,         0",
            "GARBAGE REJECTED,             fail_indeterminate, REJECTED,        2",
            "SERVER_ERROR,                 fail_indeterminate, SERVER_ERROR,    0",
            "QUORUM_NOT_MET,               quorum_not_met,     QUORUM_NOT_MET,  0",
            "QUORUM_NOT_MET CONFLICT,      fail_indeterminate, CONFLICT,        2",
            // read, then silence: the request arrived and may have been applied; the 300 ms write deadline cuts the
            // one attempt (pauses never fit in what is left)
            "STALL,                        fail_indeterminate, TIMEOUT,         1",
            "SERVER_ERROR STALL,           fail_indeterminate, TIMEOUT,         2",
    })
    void eachBrokenAnswerLandsInItsBucket(String script, String bucket, AttemptResult last, int attempts)
            throws Exception {
        BrokenNode.Action[] actions = Arrays.stream(script.trim().split(" +")).map(BrokenNode.Action::valueOf)
                .toArray(BrokenNode.Action[]::new);
        try (BrokenNode node = new BrokenNode(actions);
             StoreProtocol store = StoreProtocols.forTarget(StoreTarget.aiMemory("/api/v1/health", false), 2_000)) {
            WriteResult r = new WriteClient(store, SHORT, 2_000)
                    .write(node.url(), store.prepare(new WriteItem("ns", "w1", "v")), System.nanoTime());
            // Retried until the deadline, the deadline can cut the last attempt on a loaded machine (TIMEOUT): that
            // attempt may have taken effect, so the write is indeterminate whatever the earlier answers were
            // (QUORUM_NOT_MET included).
            boolean cut = attempts == 0 && r.last() == AttemptResult.TIMEOUT;
            assertEquals(cut ? "fail_indeterminate" : bucket, bucket(r), r.toString());
            if (attempts > 0) {
                assertEquals(last, r.last(), r.toString());
            } else {
                // Retried until the deadline: on a loaded machine the deadline can cut the last attempt before the
                // node's answer arrives, so that attempt is TIMEOUT (its bucket is checked above).
                assertTrue(r.last() == last || r.last() == AttemptResult.TIMEOUT, r.toString());
            }
            if (attempts > 0) {
                assertEquals(attempts, r.attempts(), r.toString());
                assertEquals(attempts, node.requests(), "every attempt reached the node with its whole body");
            } else {
                assertTrue(r.attempts() >= 2, "retried until the deadline: " + r);
            }
        }
    }

    /**
     * A node that reads each request and never answers: every attempt ends at the attempt timeout (not the
     * transport's 2 s response timeout, nor never), is retried as the write deadline allows, and the write is an
     * indeterminate failure. Catches an attempt not bounded by its timeout, a stall classified as definite (the
     * node had the whole request), or a retry loop that outlives the write's deadline.
     */
    @Test
    @Timeout(20)
    void aStalledNodeTimesOutEachAttemptAndTheWriteIsIndeterminate() throws Exception {
        long attemptTimeoutMs = 150;
        RetryPolicy policy = new RetryPolicy(1_000, 5, 20);
        try (BrokenNode node = new BrokenNode(BrokenNode.Action.STALL);
             StoreProtocol store = StoreProtocols.forTarget(StoreTarget.aiMemory("/api/v1/health", false), 2_000)) {
            long t0 = System.nanoTime();
            WriteResult r = new WriteClient(store, policy, attemptTimeoutMs)
                    .write(node.url(), store.prepare(new WriteItem("ns", "w1", "v")), t0);
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("fail_indeterminate", bucket(r), r.toString());
            assertEquals(AttemptResult.TIMEOUT, r.last(), r.toString());
            assertTrue(r.attempts() >= 3, "1 s of 150 ms attempts leaves room for several: " + r);
            assertTrue(tookMs >= 150 * 3 && tookMs < 1_000 + 2_000, "bounded by the write's deadline: " + tookMs + " ms");
            assertTrue(Await.until(() -> node.requests() == r.attempts(), 2_000, 5),
                    "every attempt reached the node with its whole body: " + node.requests() + " of " + r.attempts());
        }
    }

    @Test
    @Timeout(20)
    void aRefusedConnectionSentNothingSoTheFailureIsDefinite() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        try (StoreProtocol store = StoreProtocols.forTarget(StoreTarget.aiMemory("/api/v1/health", false), 2_000)) {
            WriteResult r = new WriteClient(store, SHORT, 2_000).write("http://127.0.0.1:" + port,
                    store.prepare(new WriteItem("ns", "w1", "v")), System.nanoTime());
            assertEquals(Outcome.FAIL, r.outcome());
            assertEquals(AttemptResult.NOT_SENT, r.last());
            assertTrue(r.definiteFailure(), r.toString());
            assertTrue(r.attempts() >= 2, "refusals are retried: the node may be restarting");
            assertTrue(!store.health("http://127.0.0.1:" + port, 500).healthy());
        }
    }

    private static String bucket(WriteResult r) {
        return switch (r.outcome()) {
            case OK -> "ok";
            case QUORUM_NOT_MET -> "quorum_not_met";
            case FAIL -> r.definiteFailure() ? "fail_definite" : "fail_indeterminate";
        };
    }
}
