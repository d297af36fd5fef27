package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.cluster.TargetProfile;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parsing and checking of a profile's {@code protocol} object: every mistake is one line naming the field, raised
 * when the profile is parsed; the bundled ai-memory description builds the requests ai-memory expects.
 */
class HttpStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A minimal valid protocol object; rows below break one field of it. */
    private static final String GOOD = "{\"write\":{\"method\":\"PUT\",\"path\":\"/kv/${url:key}\",\"body\":\"${value}\"},"
            + "\"list\":{\"request\":{\"method\":\"GET\",\"path\":\"/kv\",\"query\":{\"prefix\":\"${prefix}\"}},"
            + "\"items\":\"/items\",\"id\":\"/id\",\"paging\":{\"style\":\"none\"},\"node_local\":true}}";

    private static String profile(String protocol) {
        return "{\"command\":[\"srv\"],\"protocol\":" + protocol + "}";
    }

    @Test
    void aMinimalObjectParses() {
        TargetProfile p = TargetProfile.parse(profile(GOOD), "x", "x.json");
        assertEquals(StoreTarget.HTTP, p.protocol());
        assertEquals("/api/v1/health", p.healthPath());
        assertTrue(p.nodeLocalReads());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // JSON pointer (within the protocol object) to replace | replacement JSON | expected message
            "/write/body       | \"${vaule}\"      | target profile x.json: protocol.write.body: unknown placeholder ${vaule} (known here: cycle, id, key, namespace, prefix, value)",
            "/write/bdy        | \"x\"             | target profile x.json: protocol.write.bdy: unknown field (fields here: body, headers, method, path, query)",
            "/wrte             | {}                | target profile x.json: protocol.wrte: unknown field (fields here: clock_offset, health, key, list, otherwise, outcomes, write)",
            "/write/method     | \"FETCH\"         | target profile x.json: protocol.write.method: 'FETCH' is not one of GET, POST, PUT, PATCH, DELETE",
            "/write/path       | \"kv\"            | target profile x.json: protocol.write.path: must start with / and hold no query (use \"query\")",
            "/write/query      | {\"a\":\"${offset}\"} | target profile x.json: protocol.write.query.a: unknown placeholder ${offset} (known here: cycle, id, key, namespace, prefix, value)",
            "/write/headers    | {\"h\":\"${b64:id}\"} | target profile x.json: protocol.write.headers.h: unknown helper 'b64' in ${b64:id} (helpers: base64, url, json, range_end)",
            "/write/body       | 5                 | target profile x.json: protocol.write.body: must be a JSON object or array, or a string template",
            "/key              | \"${id}/x\"       | target profile x.json: protocol.key: must end with ${id} and use it once (the read-back finds the id after the cycle's prefix)",
            "/outcomes         | [{\"status\":[\"2x\"],\"result\":\"ok\"}] | target profile x.json: protocol.outcomes[0].status: '2x' is not a status code (e.g. 201) or class (e.g. 4xx)",
            "/outcomes         | [{\"result\":\"fine\"}] | target profile x.json: protocol.outcomes[0].result: unknown result 'fine' (one of created, ok, quorum_not_met, conflict, rejected, busy, server_error, garbage)",
            "/outcomes         | [{\"result\":\"timeout\"}] | target profile x.json: protocol.outcomes[0].result: unknown result 'timeout' (one of created, ok, quorum_not_met, conflict, rejected, busy, server_error, garbage)",
            "/outcomes         | [{\"pointer\":\"id\",\"result\":\"ok\"}] | target profile x.json: protocol.outcomes[0].pointer: invalid JSON pointer 'id' (it must be empty or start with /)",
            "/outcomes         | [{\"equals\":\"x\",\"result\":\"ok\"}] | target profile x.json: protocol.outcomes[0]: \"present\" and \"equals\" need a \"pointer\"",
            "/outcomes         | [{\"status\":[200]}] | target profile x.json: protocol.outcomes[0].result: missing (one of created, ok, quorum_not_met, conflict, rejected, busy, server_error, garbage)",
            "/otherwise        | \"maybe\"         | target profile x.json: protocol.otherwise: unknown result 'maybe' (one of created, ok, quorum_not_met, conflict, rejected, busy, server_error, garbage)",
            "/list/items       | \"items\"         | target profile x.json: protocol.list.items: invalid JSON pointer 'items' (it must be empty or start with /)",
            "/list/key         | \"/k\"            | target profile x.json: protocol.list: give exactly one of \"id\" (pointer to the write id) and \"key\" (pointer to the stored key)",
            "/list/node_local  | null              | target profile x.json: protocol.list.node_local: missing (true if the read returns what the node itself holds, false if the node may forward it to a leader)",
            "/list/paging      | {\"style\":\"pages\"} | target profile x.json: protocol.list.paging.style: unknown style 'pages' (offset, after_key or none)",
            "/list/paging      | {\"style\":\"offset\"} | target profile x.json: protocol.list.request: offset paging needs ${offset} in the request",
            "/list/paging      | {\"style\":\"after_key\"} | target profile x.json: protocol.list.request: after_key paging needs ${from} or ${after} in the request",
            "/list/paging      | {\"style\":\"none\",\"limit\":0} | target profile x.json: protocol.list.paging.limit: must be >= 1, was 0",
            "/list/paging      | {\"style\":\"none\",\"limit\":\"many\"} | target profile x.json: protocol.list.paging.limit: Cannot deserialize value of type `java.lang.Integer` from String \"many\": not a valid `java.lang.Integer` value",
            "/list/request/query | {\"p\":\"${id}\"} | target profile x.json: protocol.list.request.query.p: unknown placeholder ${id} (known here: after, cycle, from, limit, namespace, offset, prefix)",
            "/health           | {\"clock\":\"/t\",\"clock_format\":\"iso\"} | target profile x.json: protocol.health.clock_format: 'iso' is not epoch_ms or rfc3339",
            "/health           | {\"path\":\"h\"}  | target profile x.json: protocol.health.path: must start with /",
            "/health           | {\"timeout\":1}   | target profile x.json: protocol.health.timeout: unknown field (fields here: clock, clock_format, path, status)",
            "/list             | null              | target profile x.json: protocol.list: missing (how to read back what one node holds)",
    })
    void everyMistakeIsOneLineNamingTheField(String pointer, String replacement, String message) throws Exception {
        ObjectNode protocol = (ObjectNode) JSON.readTree(GOOD);
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        ObjectNode at = (ObjectNode) (parent.isEmpty() ? protocol : protocol.at(parent));
        if (replacement.equals("null")) {
            at.remove(field);
        } else {
            at.set(field, JSON.readTree(replacement));
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TargetProfile.parse(profile(protocol.toString()), "x", "x.json"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void httpIsDescribedNotNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TargetProfile.parse(profile("\"http\""), "x", "x.json"));
        assertEquals("target profile x.json: \"protocol\": 'http' is described by an object (write, outcomes, list, "
                + "health), not named", e.getMessage());
    }

    @Test
    void theBundledAiMemoryDescriptionBuildsAiMemorysRequests() {
        HttpStore store = TargetProfile.resolve("ai-memory-declarative").http();
        WriteItem item = new WriteItem("qb-c1", "qb-c1-w\"7", "quorumbench\nvalue");
        try (HttpStoreProtocol declarative = new HttpStoreProtocol(store, new HttpTransport(100, 100), false)) {
            // Byte for byte what the replaced hand-written client sent.
            assertEquals(new StoreRequest("POST", "/api/v1/memories", java.util.Map.of(), "{\"tier\":\"mid\","
                    + "\"namespace\":\"qb-c1\",\"title\":\"qb-c1-w\\\"7\",\"content\":\"quorumbench\\nvalue\","
                    + "\"tags\":[\"quorumbench\"],\"priority\":5,\"confidence\":1.0,\"source\":\"quorumbench\","
                    + "\"metadata\":{\"write_id\":\"qb-c1-w\\\"7\"},\"on_conflict\":\"merge\"}"),
                    declarative.prepare(item).request());
            assertTrue(declarative.clockOffset().isEmpty(), "offered only with the clock-offset capability");
        }
        try (HttpStoreProtocol offered = new HttpStoreProtocol(store, new HttpTransport(100, 100), true)) {
            assertTrue(offered.clockOffset().isPresent());
        }
        assertEquals("{\"offset_ms\": -1500}", store.clockOffset().render(java.util.Map.of("offset_ms", "-1500")::get)
                .body());
        assertEquals("/api/v1/memories?namespace=qb+c%261&limit=1000&offset=0", store.list().request()
                .render(java.util.Map.of("namespace", "qb c&1", "limit", "1000", "offset", "0")::get).path());
        assertEquals(new NodeHealth(true, OptionalLong.of(1234), "ok"),
                HttpStoreProtocol.health(store.health(), "{\"status\":\"ok\",\"time_ms\":1234}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/t | epoch_ms | {\"t\":1700000000123}                    | 1700000000123",
            "/t | rfc3339  | {\"t\":\"2023-11-14T22:13:20.123Z\"}       | 1700000000123",
            "/t | rfc3339  | {\"t\":\"2023-11-14T23:13:20.123+01:00\"} | 1700000000123",
            "/t | epoch_ms | {\"t\":\"soon\"}                           | -1",
            "/t | rfc3339  | {\"t\":\"soon\"}                           | -1",
            "/t | epoch_ms | {}                                        | -1",
            "/t | epoch_ms | not json                                  | -1",
    })
    void theWallClockIsReadWhereTheProfileSays(String pointer, String format, String body, long expected) {
        NodeHealth h = HttpStoreProtocol.health(new HttpStore.HealthPlan("/h", 200,
                com.fasterxml.jackson.core.JsonPointer.compile(pointer), format.equals("rfc3339")), body);
        assertTrue(h.healthy());
        assertEquals(expected, h.wallClockMs().orElse(-1));
    }

    @Test
    void noClockIsSaidHonestly() {
        NodeHealth h = HttpStoreProtocol.health(new HttpStore.HealthPlan("/h", 200, null, false), "{\"t\":1}");
        assertFalse(h.wallClockMs().isPresent());
        assertEquals("the profile names no wall clock in the health answer", h.detail());
    }
}
