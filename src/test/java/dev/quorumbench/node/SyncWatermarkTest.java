package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safe pull watermark survives a restart: a restarted node asks its peer only for what it has not applied,
 * and starts again from zero when a different database answers at the peer's address.
 */
class SyncWatermarkTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final List<Long> asked = new CopyOnWriteArrayList<>();
    private volatile String peerDb = "db-1";
    private volatile int peerRows = 7;

    @BeforeEach
    void startPeer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/api/v1/sync/since", exchange -> {
            long seq = new QueryParams(exchange.getRequestURI().getRawQuery()).nonNegative("seq", 0);
            asked.add(seq);
            ObjectNode o = Json.MAPPER.createObjectNode();
            ArrayNode rows = o.putArray("memories");
            long next = seq;
            for (long s = seq + 1; s <= peerRows; s++) {
                ObjectNode row = MemoryJson.toJson(new Memory("id-" + s, "ns", peerDb + "-t" + s, "c", "mid",
                        List.of(), 5, 1.0, "test", "{}", 1_000 + s, 1_000 + s));
                row.put("seq", s);
                rows.add(row);
                next = s;
            }
            o.put("next_seq", next);
            o.put("db_id", peerDb);
            byte[] body = Json.MAPPER.writeValueAsBytes(o);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopPeer() {
        server.stop(0);
    }

    private URI peer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** One node life: open the database, pull once, close (as a SIGKILL would, nothing else is written). */
    private int pullOnce() throws Exception {
        try (MemoryStore store = MemoryStore.open(dir.resolve("node.db"));
                PeerClient client = new PeerClient(5_000, 2);
                SyncDaemon daemon = new SyncDaemon(List.of(peer()), store, client, new NodeClock(), 60_000, false,
                        line -> { })) {
            daemon.pullBySequence(0);
            return (int) store.count();
        }
    }

    @Test
    void aRestartedNodeResumesWhereItStopped() throws Exception {
        assertEquals(7, pullOnce());
        assertEquals(List.of(0L, 7L), asked, "first life: from the start, then up to date");

        asked.clear();
        peerRows = 9;
        assertEquals(9, pullOnce());
        assertEquals(List.of(7L, 9L), asked, "after the restart: from the stored watermark, not from zero");
    }

    @Test
    void aPeerWithANewDatabaseIsPulledFromTheStart() throws Exception {
        assertEquals(7, pullOnce());
        asked.clear();
        peerDb = "db-2";
        peerRows = 3;
        assertEquals(10, pullOnce());
        assertEquals(new ArrayList<>(List.of(7L, 0L, 3L)), asked,
                "the watermark of db-1 must not be applied to db-2's sequence");
    }
}
