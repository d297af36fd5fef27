package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP contract of one in-process single node: statuses, JSON errors, limits and paging. */
class NodeApiTest {
    @TempDir
    static Path dir;
    static ReferenceNode node;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        NodeConfig c = new NodeConfig("127.0.0.1", 0, "api-node", dir.resolve("n.db"), 1, List.of(), 1000, 500, 0,
                64 * 1024, false, false, false, 0, false);
        node = ReferenceNode.start(c, line -> { });
        base = TestNodes.base(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /api/v1/memories           | {"namespace":"v","title":"ok-1","content":"c"}    | 201 |
            POST   | /api/v1/memories           | {"namespace":"v","title":"t"}                     | 400 | invalid_request
            POST   | /api/v1/memories           | {"namespace":"v","title":"t","content":"c","priority":99} | 400 | invalid_request
            POST   | /api/v1/memories           | not json                                          | 400 | invalid_json
            POST   | /api/v1/memories           | {"namespace":"v","title":"t","content":"c"        | 400 | invalid_json
            DELETE | /api/v1/memories           |                                                   | 405 | method_not_allowed
            POST   | /api/v1/health             | {}                                                | 405 | method_not_allowed
            GET    | /api/v1/nothing            |                                                   | 404 | not_found
            GET    | /                          |                                                   | 404 | not_found
            POST   | /api/v1/admin/clock-offset | {"offset_ms":5}                                   | 404 | not_found
            GET    | /api/v1/memories?limit=x   |                                                   | 400 | invalid_request
            GET    | /api/v1/memories?limit=-1  |                                                   | 400 | invalid_request
            GET    | /api/v1/memories?offset=-3 |                                                   | 400 | invalid_request
            GET    | /api/v1/memories?limit=0   |                                                   | 200 |
            GET    | /api/v1/sync/since?seq=x   |                                                   | 400 | invalid_request
            POST   | /api/v1/sync/push          | {"memories":{}}                                   | 400 | invalid_request
            POST   | /api/v1/sync/push          | {"memories":[{"id":"x"}]}                         | 400 | invalid_request
            POST   | /api/v1/sync/push          | {"memories":[]}                                   | 200 |
            """)
    void answersWithStatusAndJsonError(String method, String path, String body, int status, String error)
            throws Exception {
        TestHttp.Answer a = TestHttp.send(method, base.resolve(path), body);
        assertEquals(status, a.status(), a.raw().body());
        assertNotNull(a.json(), "body is not JSON: " + a.raw().body());
        if (error != null) {
            assertEquals(error, a.json().path("error").asText());
            assertTrue(a.json().path("message").isTextual());
        }
        assertEquals(200, TestHttp.get(base, "/api/v1/health").status(), "the node keeps serving");
    }

    @Test
    void refusesAnOversizedBodyByContentLength() throws Exception {
        String big = "{\"namespace\":\"v\",\"title\":\"big\",\"content\":\"" + "x".repeat(70 * 1024) + "\"}";
        TestHttp.Answer a = TestHttp.post(base, "/api/v1/memories", big);
        assertEquals(413, a.status());
        assertEquals("payload_too_large", a.json().path("error").asText());
        assertEquals(200, TestHttp.get(base, "/api/v1/health").status());
    }

    @Test
    void refusesAnOversizedChunkedBodyWhileReading() throws Exception {
        HttpURLConnection c = (HttpURLConnection) base.resolve("/api/v1/memories").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setChunkedStreamingMode(4096);
        c.setConnectTimeout(5000);
        c.setReadTimeout(20_000);
        int status;
        try {
            try (OutputStream out = c.getOutputStream()) {
                out.write(("{\"namespace\":\"v\",\"title\":\"chunked\",\"content\":\"").getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 80; i++) {
                    out.write("y".repeat(1024).getBytes(StandardCharsets.UTF_8));
                }
                out.write("\"}".getBytes(StandardCharsets.UTF_8));
            }
            status = c.getResponseCode();
        } catch (java.io.IOException e) {
            // The node may answer 413 and close before the whole body was sent; then the write fails here.
            status = c.getResponseCode();
        }
        assertEquals(413, status);
        try (InputStream err = c.getErrorStream()) {
            JsonNode body = Json.MAPPER.readTree(err);
            assertEquals("payload_too_large", body.path("error").asText());
        }
        assertEquals(200, TestHttp.get(base, "/api/v1/health").status());
    }

    @Test
    void pagesWithDefaultAndClampedLimits() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertEquals(201, TestHttp.post(base, "/api/v1/memories", TestHttp.memoryBody("paging", "p" + i)).status());
        }
        JsonNode dflt = TestHttp.get(base, "/api/v1/memories?namespace=paging").json();
        assertEquals(20, dflt.path("count").asInt());
        assertEquals("p0", dflt.path("memories").get(0).path("title").asText());
        JsonNode all = TestHttp.get(base, "/api/v1/memories?namespace=paging&limit=5000").json();
        assertEquals(30, all.path("count").asInt());
        JsonNode tail = TestHttp.get(base, "/api/v1/memories?namespace=paging&limit=20&offset=20").json();
        assertEquals(10, tail.path("count").asInt());
        assertEquals("p20", tail.path("memories").get(0).path("title").asText());
        JsonNode m = all.path("memories").get(3);
        for (String field : List.of("id", "namespace", "title", "content", "tier", "tags", "priority", "confidence",
                "source", "metadata", "created_at", "updated_at")) {
            assertTrue(m.has(field), "listed memory lacks " + field);
        }
        assertEquals("p3", m.path("metadata").path("write_id").asText());
    }

    @Test
    void conflictsThenMergesIdempotently() throws Exception {
        TestHttp.Answer first = TestHttp.post(base, "/api/v1/memories", TestHttp.memoryBody("merge", "m1"));
        assertEquals(201, first.status());
        String id = first.json().path("id").asText();
        TestHttp.Answer again = TestHttp.post(base, "/api/v1/memories", TestHttp.memoryBody("merge", "m1"));
        assertEquals(409, again.status());
        assertEquals("conflict", again.json().path("error").asText());
        assertEquals(id, again.json().path("existing_id").asText());
        String merge = TestHttp.memoryBody("merge", "m1").replace("}}", "},\"on_conflict\":\"merge\"}");
        for (int i = 0; i < 2; i++) {
            TestHttp.Answer merged = TestHttp.post(base, "/api/v1/memories", merge);
            assertEquals(201, merged.status(), merged.raw().body());
            assertEquals(id, merged.json().path("id").asText());
        }
        assertEquals(List.of("m1"), TestHttp.titles(base, "merge", 20));
    }

    @Test
    void reportsHealth() throws Exception {
        JsonNode h = TestHttp.get(base, "/api/v1/health").json();
        assertEquals("ok", h.path("status").asText());
        assertEquals("api-node", h.path("node_id").asText());
        assertEquals(1, h.path("quorum_writes").asInt());
        assertTrue(Math.abs(h.path("time_ms").asLong() - System.currentTimeMillis()) < 60_000);
        assertEquals(h.path("time_ms").asLong(), Timestamps.parseMs(h.path("time").asText()));
        assertTrue(h.path("peers").isArray() && h.path("unsafe").isArray() && h.path("memories").isNumber());
    }
}
