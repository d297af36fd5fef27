package dev.quorumbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import dev.quorumbench.store.StoreTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node that answers every list page with one row and never ends (issue 11: a 5-write cycle read back for over
 * 180 s against a 20 s deadline). The read-back deadline must bound the time: here 1 s plus one 10 s listing
 * budget, where before the fix each of three nodes took its own 10 s budget per round.
 */
class EndlessPagesReadBackTest {

    @Test
    @Timeout(120)
    void endlessPagesStopAtTheDeadlineAndTheNodesAreUnreadable() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/api/v1/memories", ex -> {
            String q = String.valueOf(ex.getRequestURI().getQuery());
            byte[] body = ("{\"memories\":[{\"title\":\"row-" + q.hashCode() + "\"}]}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (StoreProtocol store = StoreProtocols.forTarget(StoreTarget.aiMemory("/api/v1/health", false), 5_000)) {
            ConvergenceWait wait = new ConvergenceWait(new ReadBack(store, 10_000));
            long start = System.nanoTime();
            ConvergenceWait.Result r = wait.await(List.of(url, url, url), "ns", Set.of("w1"), Set.of(), 1_000);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertFalse(r.check().converged());
            assertEquals(List.of(-1, -1, -1), r.check().ackedPresent(), "an endless listing is unreadable");
            // A bound (deadline + one budget = 11 s), not a performance figure: before the fix, 3 × 10 s.
            assertTrue(tookMs < 20_000, "read-back took " + tookMs + " ms");
        } finally {
            server.stop(0);
        }
    }
}
