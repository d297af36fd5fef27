package dev.quorumbench.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/sync/push} (peer fan-out target) and {@code GET /api/v1/sync/since} (anti-entropy pull). */
final class SyncEndpoints {
    static final int MAX_PUSH_MEMORIES = 1000;
    /** Rows pushed by peers may be escaped more verbosely than the client body they came from. */
    static final long MAX_PUSH_BYTES = 16L * 1024 * 1024;
    static final int MAX_SINCE_LIMIT = 1000;

    private final MemoryStore store;

    SyncEndpoints(MemoryStore store) {
        this.store = store;
    }

    JsonResponse push(HttpExchange exchange) throws Exception {
        JsonNode body = WriteRequestParser.readTree(RequestBodies.readUtf8(exchange, MAX_PUSH_BYTES));
        JsonNode memories = body.path("memories");
        if (!memories.isArray()) {
            throw BadRequestException.invalid("'memories' must be an array of memory rows");
        }
        if (memories.size() > MAX_PUSH_MEMORIES) {
            throw new BadRequestException(413, "payload_too_large",
                    "at most " + MAX_PUSH_MEMORIES + " memories per push, got " + memories.size());
        }
        List<Memory> rows = new ArrayList<>(memories.size());
        for (JsonNode m : memories) {
            rows.add(MemoryJson.fromJson(m));
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("applied", store.apply(rows));
        return JsonResponse.of(200, o);
    }

    JsonResponse since(HttpExchange exchange) throws Exception {
        QueryParams q = new QueryParams(exchange.getRequestURI().getRawQuery());
        int limit = (int) Math.min(MAX_SINCE_LIMIT, q.nonNegative("limit", SyncDaemon.PAGE));
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode arr = o.putArray("memories");
        if (q.has("since_ms")) {
            long sinceMs = q.nonNegative("since_ms", 0);
            long next = sinceMs;
            for (Memory m : store.updatedSince(sinceMs, limit)) {
                arr.add(MemoryJson.toJson(m));
                next = Math.max(next, m.updatedAtMs());
            }
            o.put("next_since_ms", next);
            return JsonResponse.of(200, o);
        }
        long seq = q.nonNegative("seq", 0);
        long next = seq;
        for (SequencedMemory s : store.changesSince(seq, limit)) {
            ObjectNode row = MemoryJson.toJson(s.memory());
            row.put("seq", s.seq());
            arr.add(row);
            next = s.seq();
        }
        o.put("next_seq", next);
        o.put("db_id", store.databaseId());
        return JsonResponse.of(200, o);
    }
}
