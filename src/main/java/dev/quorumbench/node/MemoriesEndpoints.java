package dev.quorumbench.node;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/** {@code POST} and {@code GET /api/v1/memories}: the client write and the paginated listing. */
final class MemoriesEndpoints {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;

    private final WriteService writes;
    private final MemoryStore store;
    private final long maxBodyBytes;
    private final long extraLatencyMs;

    MemoriesEndpoints(WriteService writes, MemoryStore store, long maxBodyBytes, long extraLatencyMs) {
        this.writes = writes;
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
        this.extraLatencyMs = extraLatencyMs;
    }

    JsonResponse create(HttpExchange exchange) throws Exception {
        WriteRequest request = WriteRequestParser.parse(RequestBodies.readUtf8(exchange, maxBodyBytes));
        WriteResult result = writes.write(request);
        if (extraLatencyMs > 0) {
            Thread.sleep(extraLatencyMs); // the unsafe slowdown aid: every write answers this much later
        }
        return toResponse(result);
    }

    static JsonResponse toResponse(WriteResult result) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (result instanceof WriteResult.Created c) {
            o.put("id", c.id());
            o.put("namespace", c.namespace());
            o.put("title", c.title());
            o.put("quorum_acks", c.acks());
            o.put("quorum_needed", c.needed());
            return JsonResponse.of(201, o);
        }
        if (result instanceof WriteResult.Conflict c) {
            o.put("error", "conflict");
            o.put("message", "a memory with this namespace and title exists (use on_conflict=merge to update it)");
            o.put("existing_id", c.existingId());
            return JsonResponse.of(409, o);
        }
        WriteResult.QuorumNotMet q = (WriteResult.QuorumNotMet) result;
        o.put("error", "quorum_not_met");
        o.put("message", "stored locally; " + q.got() + " of " + q.needed() + " nodes acked (" + q.reason() + ")");
        o.put("got", q.got());
        o.put("needed", q.needed());
        o.put("reason", q.reason());
        return new JsonResponse(503, o, Map.of("Retry-After", "1"));
    }

    JsonResponse list(HttpExchange exchange) throws Exception {
        QueryParams q = new QueryParams(exchange.getRequestURI().getRawQuery());
        int limit = (int) Math.min(MAX_LIMIT, q.nonNegative("limit", DEFAULT_LIMIT));
        long offset = q.nonNegative("offset", 0);
        List<Memory> page = store.list(q.string("namespace"), limit, offset);
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode arr = o.putArray("memories");
        page.forEach(m -> arr.add(MemoryJson.toJson(m)));
        o.put("count", page.size());
        return JsonResponse.of(200, o);
    }
}
