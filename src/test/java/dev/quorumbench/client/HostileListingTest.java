package dev.quorumbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import dev.quorumbench.store.StoreTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Listings a hostile node serves through the real read path (ai-memory's description over HTTP): rows of another
 * namespace and rows listed twice reach the check as counts, never as a clean pass (issue 11, break 6).
 */
class HostileListingTest {

    /** The node's first page (titles, space-separated); later pages are empty. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // first page;                        foreign; duplicates; converged
            "ns-w1 ns-w2;                          0;       0;          true",
            "ns-w1 ns-w2 other-w1 other-w2;        2;       0;          true",
            "ns-w1 ns-w2 ns-w1 ns-w2;              0;       2;          true",
    })
    void foreignAndDuplicateRowsAreCounted(String page, int foreign, int duplicates, boolean converged)
            throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/api/v1/memories", ex -> {
            boolean first = String.valueOf(ex.getRequestURI().getQuery()).contains("offset=0");
            StringBuilder rows = new StringBuilder();
            for (String t : first ? page.trim().split("\\s+") : new String[0]) {
                rows.append(rows.length() == 0 ? "" : ",").append("{\"title\":\"").append(t).append("\"}");
            }
            byte[] body = ("{\"memories\":[" + rows + "]}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (StoreProtocol store = StoreProtocols.forTarget(StoreTarget.aiMemory("/api/v1/health", false), 5_000)) {
            ConvergenceWait.Result r = new ConvergenceWait(new ReadBack(store, 5_000))
                    .await(List.of(url), "ns", Set.of("ns-w1", "ns-w2"), Set.of(), 500);
            assertEquals(foreign, r.check().foreign());
            assertEquals(duplicates, r.check().duplicates());
            assertEquals(converged, r.check().converged());
        } finally {
            server.stop(0);
        }
    }
}
