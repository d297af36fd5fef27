package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quorumbench.client.ReadBack;
import dev.quorumbench.client.ReadBackCheck;
import dev.quorumbench.time.Deadline;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ai-memory's {@code listIds} (the bundled description) against an in-process HTTP node (JDK HttpServer on a loopback port): it pages
 * to an empty page whatever page size the node allows, stays within {@link ListLimits} (rows and deadline), turns
 * every unusable answer into an IOException, and returns what the node lists as it is, for read-back to judge.
 */
@Timeout(30)
class AiMemoryListIdsTest {

    /** The page size ai-memory's description asks for, and the path it lists. */
    private static final int PAGE = 1000;
    private static final String MEMORIES = "/api/v1/memories";

    /** Far above any wait here and far below the transport's own 30 s response timeout. */
    private static final long GENEROUS_MS = 5_000;

    private final List<ListingNode> nodes = new ArrayList<>();
    private final StoreProtocol protocol = StoreProtocols.forTarget(StoreTarget.aiMemory("/h", false), 1_000, 30_000);

    @AfterEach
    void stop() {
        protocol.close();
        nodes.forEach(ListingNode::close);
    }

    @ParameterizedTest(name = "{0} rows, node pages by {1}")
    @CsvSource({
            // rows the node holds | most rows the node puts on a page (0: as asked) | offsets asked, in order
            "0,    0,  0",
            "1,    0,  0 1",
            "2500, 0,  0 1000 2000 2500",
            "45,   20, 0 20 40 45",       // ai-memory's default page: the published harness saw 20 of 100
            "40,   20, 0 20 40",
            "3,    1,  0 1 2 3",
    })
    void pagesToAnEmptyPageWhateverThePageSize(int rows, int pageCap, String offsets) throws IOException {
        List<String> held = ids("w", rows);
        ListingNode node = node(q -> page(held, q, pageCap));
        List<String> listed = protocol.listIds(node.url(), "ns", limits(1_000_000, 10_000));
        assertEquals(held, listed, "every row, in the node's order");
        assertEquals(List.of(offsets.split(" ")), node.queries.stream().map(q -> q.get("offset")).toList(),
                "the next offset is the rows read so far, and only an empty page ends the listing");
        assertTrue(node.queries.stream().allMatch(q -> q.get("limit").equals(Integer.toString(PAGE))
                && q.get("namespace").equals("ns")), node.queries.toString());
    }

    /** Catches a namespace sent unencoded: "a b&limit=1" would change the query. */
    @Test
    void theNamespaceIsSentEncoded() throws IOException {
        ListingNode node = node(q -> page(List.of(), q, 0));
        protocol.listIds(node.url(), "a b&limit=1/ü", limits(10, 10_000));
        assertEquals("a b&limit=1/ü", node.queries.get(0).get("namespace"));
        assertEquals(Integer.toString(PAGE), node.queries.get(0).get("limit"));
    }

    @ParameterizedTest(name = "{0} rows by {1}, at most {2}")
    @CsvSource({
            // rows | page cap (0: as asked) | maxRows
            "26,  10, 25",
            "30,  0,  25",
            "2,   1,  1",
            "1001, 0, 1000",
    })
    void moreRowsThanMaxRowsIsAnIOException(int rows, int pageCap, int maxRows) {
        List<String> held = ids("w", rows);
        ListingNode node = node(q -> page(held, q, pageCap));
        IOException e = assertThrows(IOException.class,
                () -> protocol.listIds(node.url(), "ns", limits(maxRows, 10_000)));
        assertEquals("node listed more than " + maxRows + " rows for one namespace", e.getMessage());
    }

    /** Catches an off-by-one that refuses a node holding exactly as many rows as the limit allows. */
    @ParameterizedTest(name = "{0} rows by {1}")
    @CsvSource({"25, 10", "25, 0", "1, 0", "1000, 0"})
    void exactlyMaxRowsRowsAreRead(int rows, int pageCap) throws IOException {
        List<String> held = ids("w", rows);
        ListingNode node = node(q -> page(held, q, pageCap));
        assertEquals(held, protocol.listIds(node.url(), "ns", limits(rows, 10_000)));
    }

    /** A node that ignores the offset and repeats a full page forever: maxRows ends it, not the deadline. */
    @Test
    void aNodeThatNeverSendsAnEmptyPageIsCutAtMaxRows() {
        List<String> held = ids("w", 10);
        ListingNode node = node(q -> json(held));
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> protocol.listIds(node.url(), "ns", limits(95, 60_000)));
        assertEquals("node listed more than 95 rows for one namespace", e.getMessage());
        assertEquals(10, node.queries.size(), "ten pages of ten rows went past 95");
        assertTrue(elapsedMs(t0) < GENEROUS_MS);
    }

    /** Catches a listing that starts a request after its deadline. */
    @Test
    void aDeadlineAlreadyPassedAsksNothing() {
        ListingNode node = node(q -> page(List.of(), q, 0));
        IOException e = assertThrows(IOException.class, () -> protocol.listIds(node.url(), "ns",
                new ListLimits(10, Deadline.atNanos(System.nanoTime() - 1))));
        assertEquals("listing " + node.url() + " did not finish in time (0 rows read)", e.getMessage());
        assertEquals(0, node.queries.size());
    }

    /**
     * A slow node paging one row at a time: the deadline ends the listing, between pages or by cutting the page in
     * flight to the time left (which of the two is a race, both are IOExceptions). Catches a deadline checked only
     * once, before the first page.
     */
    @Test
    void aDeadlineThatPassesBetweenPagesIsAnIOException() {
        List<String> held = ids("w", 10_000);
        ListingNode node = node(q -> {
            sleep(20);
            return page(held, q, 1);
        });
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> protocol.listIds(node.url(), "ns", limits(1_000_000, 300)));
        assertTrue(e instanceof SocketTimeoutException
                || e.getMessage().startsWith("listing " + node.url() + " did not finish in time ("), e.toString());
        assertTrue(node.queries.size() >= 2 && node.queries.size() < 100, node.queries.size() + " pages");
        assertTrue(elapsedMs(t0) < GENEROUS_MS, elapsedMs(t0) + " ms");
    }

    /** Catches a page request bounded by the transport's 30 s timeout instead of the time the deadline leaves. */
    @Test
    void aNodeThatNeverAnswersIsCutAtTheDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        ListingNode node = node(q -> {
            try {
                never.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return json(List.of());
        });
        try {
            long t0 = System.nanoTime();
            assertThrows(IOException.class, () -> protocol.listIds(node.url(), "ns", limits(10, 200)));
            long tookMs = elapsedMs(t0);
            assertTrue(tookMs >= 150 && tookMs < GENEROUS_MS, "bounded by the 200 ms deadline: " + tookMs + " ms");
        } finally {
            never.countDown();
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"201", "204", "301", "404", "429", "500", "503"})
    void anAnswerOtherThan200IsAnIOException(int status) {
        ListingNode node = node(q -> new Answer(status, status == 204 ? "" : "{\"memories\":[]}"));
        IOException e = assertThrows(IOException.class, () -> protocol.listIds(node.url(), "ns", limits(10, 10_000)));
        assertEquals("list answered HTTP " + status, e.getMessage());
    }

    @ParameterizedTest(name = "body {0}")
    @CsvSource(delimiter = '|', value = {
            // a 200 body | the IOException's message
            "<html>busy</html>                    | list answer is not JSON",
            "{\"memories\":[                      | list answer is not JSON",
            "''                                   | list answer is not a JSON object",
            "null                                 | list answer is not a JSON object",
            "[]                                   | list answer is not a JSON object",
            "{\"memories\":{\"title\":\"w1\"}}    | list answer has no array at /memories",
            "{\"memories\":\"w1\"}                | list answer has no array at /memories",
    })
    void a200BodyWithoutAMemoriesArrayIsAnIOException(String body, String message) {
        ListingNode node = node(q -> new Answer(200, body));
        IOException e = assertThrows(IOException.class, () -> protocol.listIds(node.url(), "ns", limits(10, 10_000)));
        assertEquals(message, e.getMessage());
    }

    /**
     * Only a first page may say "nothing" by leaving its array out (etcd's way); mid-listing, an answer without the
     * array (an error object) is not the end: the node is unreadable, not complete with the rows read so far.
     */
    @Test
    void anAnswerWithoutTheArrayAfterTheFirstPageIsNotTheEnd() {
        ListingNode node = node(q -> q.get("offset").equals("0") ? json(List.of("w1", "w2"))
                : new Answer(200, "{\"error\":\"overloaded\"}"));
        IOException e = assertThrows(IOException.class, () -> protocol.listIds(node.url(), "ns", limits(10, 10_000)));
        assertEquals("list answer has no array at /memories after 2 rows", e.getMessage());
    }

    /** A row without an id cannot be judged: the node counts as unreadable rather than as holding "". */
    @Test
    void aRowWithoutAnIdMakesTheNodeUnreadable() {
        ListingNode node = node(q -> new Answer(200, "{\"memories\":[{\"title\":\"w1\"},{\"namespace\":\"ns\"}]}"));
        IOException e = assertThrows(IOException.class, () -> protocol.listIds(node.url(), "ns", limits(10, 10_000)));
        assertEquals("list item has no id at /title", e.getMessage());
    }

    /**
     * The listing is the node's word, unfiltered: rows of another namespace and duplicates come back as they are
     * (a protocol that filtered or de-duplicated would hide a store bug), and read-back's check counts them.
     */
    @Test
    void foreignRowsAndDuplicatesAreReturnedAsIsAndReadBackCountsThem() throws IOException {
        String rows = "[{\"title\":\"w1\",\"namespace\":\"ns\"},{\"title\":\"w2\",\"namespace\":\"ns\"},"
                + "{\"title\":\"w1\",\"namespace\":\"ns\"},{\"title\":\"x9\",\"namespace\":\"other\"}]";
        ListingNode node = node(q -> q.get("offset").equals("0") ? new Answer(200, "{\"memories\":" + rows + "}")
                : json(List.of()));
        List<String> listed = new ReadBack(protocol, 10_000).ids(node.url(), "ns");
        assertEquals(List.of("w1", "w2", "w1", "x9"), listed);

        ReadBackCheck check = ReadBackCheck.of(Set.of("w1", "w2"), Set.of(), List.of(listed));
        assertEquals(1, check.duplicates(), "the duplicate w1 is counted");
        assertEquals(List.of(2), check.ackedPresent(), "a foreign row is not an acknowledged one");
        assertTrue(check.converged());
    }

    // --- the in-process node ---

    private ListingNode node(Function<Map<String, String>, Answer> handler) {
        try {
            ListingNode n = new ListingNode(handler);
            nodes.add(n);
            return n;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page of {@code held} the query asks for, cut to {@code cap} rows (0: no cap). */
    private static Answer page(List<String> held, Map<String, String> query, int cap) {
        int offset = Integer.parseInt(query.get("offset"));
        int limit = Integer.parseInt(query.get("limit"));
        if (cap > 0) {
            limit = Math.min(limit, cap);
        }
        return json(held.subList(Math.min(offset, held.size()), Math.min(offset + limit, held.size())));
    }

    private static Answer json(List<String> titles) {
        StringBuilder b = new StringBuilder("{\"memories\":[");
        for (int i = 0; i < titles.size(); i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\":\"m").append(i).append("\",\"title\":\"")
                    .append(titles.get(i)).append("\",\"namespace\":\"ns\"}");
        }
        return new Answer(200, b.append("]}").toString());
    }

    private static List<String> ids(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }

    private static ListLimits limits(int maxRows, long budgetMs) {
        return new ListLimits(maxRows, Deadline.in(budgetMs));
    }

    private static long elapsedMs(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, String body) {
    }

    /** A node answering GET /api/v1/memories from a handler of the decoded query; it records every query. */
    private static final class ListingNode implements AutoCloseable {

        final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "listing-node");
            t.setDaemon(true);
            return t;
        });

        ListingNode(Function<Map<String, String>, Answer> handler) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setExecutor(threads);
            server.createContext(MEMORIES, exchange -> answer(exchange, handler));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void answer(HttpExchange exchange, Function<Map<String, String>, Answer> handler) throws IOException {
            try (exchange) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                queries.add(query);
                Answer a = handler.apply(query);
                byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> q = new HashMap<>();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return q;
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
