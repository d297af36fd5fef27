package dev.quorumbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ai-memory's HTTP API (and the reference node's, which speaks its subset): {@code POST /api/v1/memories} with
 * {@code on_conflict: merge} so a retried id merges instead of duplicating, {@code GET /api/v1/memories} paged
 * with {@code limit}/{@code offset} to an empty page, the health path with {@code time_ms}, and
 * {@code POST /api/v1/admin/clock-offset} for the cooperative skew.
 */
public final class AiMemoryProtocol implements StoreProtocol {

    /**
     * Rows asked per page. The published shell harness read one default page (20 rows on ai-memory) and so saw
     * 100 acknowledged writes as 20; paging stops only at an empty page, so a node that caps pages lower than
     * asked is still read completely.
     */
    static final int PAGE = 1000;
    static final String MEMORIES = "/api/v1/memories";
    static final String CLOCK_OFFSET = "/api/v1/admin/clock-offset";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http;
    private final String healthPath;
    private final boolean clockOffset;

    /** Takes ownership of {@code http}; {@code clockOffset} says whether the nodes accept the offset request. */
    public AiMemoryProtocol(HttpTransport http, String healthPath, boolean clockOffset) {
        this.http = http;
        this.healthPath = healthPath;
        this.clockOffset = clockOffset;
    }

    @Override
    public PreparedWrite prepare(WriteItem item) {
        return new PreparedWrite(item, StoreRequest.postJson(MEMORIES, Map.of(), body(item)));
    }

    /** The JSON body of a write in ai-memory's format; the write id is the title and metadata.write_id. */
    static String body(WriteItem item) {
        ObjectNode body = JSON.createObjectNode();
        body.put("tier", "mid");
        body.put("namespace", item.namespace());
        body.put("title", item.id());
        body.put("content", item.value());
        body.putArray("tags").add("quorumbench");
        body.put("priority", 5);
        body.put("confidence", 1.0);
        body.put("source", "quorumbench");
        body.putObject("metadata").put("write_id", item.id());
        body.put("on_conflict", "merge");
        return body.toString();
    }

    @Override
    public Attempt attempt(String nodeUrl, PreparedWrite write, long timeoutMs) {
        HttpReply reply;
        try {
            reply = http.send(nodeUrl, write.request(), timeoutMs);
        } catch (IOException e) {
            return Attempt.of(HttpTransport.failure(e));
        }
        return new Attempt(classify(reply), reply.retryAfterMs());
    }

    /** Classifies a received answer to a write (pure): reads the body's {@code error} and {@code id}. */
    public static AttemptResult classify(HttpReply reply) {
        String error = null;
        boolean valid = false;
        try {
            JsonNode node = JSON.readTree(reply.body());
            if (node != null && node.isObject()) {
                error = node.path("error").isTextual() ? node.get("error").asText() : null;
                valid = node.path("id").isTextual() && !node.get("id").asText().isEmpty();
            }
        } catch (IOException garbage) {
            // Not JSON: classify() turns a 2xx into GARBAGE and keeps other statuses as they are.
        }
        return classify(reply.status(), error, valid);
    }

    /**
     * Classifies a received answer (pure).
     *
     * @param status      HTTP status code
     * @param errorField  the body's {@code error} field, or null if absent or the body was not JSON
     * @param bodyIsValid for 2xx: whether the body parsed and named the memory's id
     */
    static AttemptResult classify(int status, String errorField, boolean bodyIsValid) {
        if (status == 201 || status == 200) {
            return bodyIsValid ? AttemptResult.CREATED : AttemptResult.GARBAGE;
        }
        if (status == 503 && "quorum_not_met".equals(errorField)) {
            return AttemptResult.QUORUM_NOT_MET;
        }
        if (status == 409) {
            return AttemptResult.CONFLICT;
        }
        if (status == 408 || status == 429) {
            return AttemptResult.BUSY;
        }
        if (status >= 400 && status < 500) {
            return AttemptResult.REJECTED;
        }
        if (status >= 500) {
            return AttemptResult.SERVER_ERROR;
        }
        return AttemptResult.GARBAGE;
    }

    @Override
    public List<String> listIds(String nodeUrl, String namespace, ListLimits limits) throws IOException {
        // ai-memory lists a node's own database: the read is node-local without asking.
        String ns = URLEncoder.encode(namespace, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        while (ids.size() < limits.maxRows()) {
            if (limits.deadline().passed()) {
                throw new IOException("listing " + nodeUrl + " did not finish in time (" + ids.size() + " rows read)");
            }
            HttpReply reply = http.send(nodeUrl, StoreRequest.get(MEMORIES + "?namespace=" + ns + "&limit=" + PAGE
                    + "&offset=" + ids.size(), Map.of()), Math.max(1, limits.deadline().leftMs()));
            if (reply.status() != 200) {
                throw new IOException("list answered HTTP " + reply.status());
            }
            JsonNode memories = parse(reply.body()).path("memories");
            if (!memories.isArray()) {
                throw new IOException("list answer has no 'memories' array");
            }
            if (memories.isEmpty()) {
                return ids;
            }
            for (JsonNode m : memories) {
                ids.add(m.path("title").asText(""));
            }
        }
        throw new IOException("node listed more than " + limits.maxRows() + " rows for one namespace");
    }

    private static JsonNode parse(String body) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IOException("list answer is not JSON");
        }
    }

    @Override
    public NodeHealth health(String nodeUrl, long timeoutMs) {
        HttpReply reply;
        try {
            // Connection: close, so no pooled connection is left to a node that may be killed next.
            reply = http.send(nodeUrl, StoreRequest.get(healthPath, StoreRequest.CLOSE), timeoutMs);
        } catch (IOException e) {
            return NodeHealth.down("cannot reach " + nodeUrl + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (reply.status() != 200) {
            return NodeHealth.down("health of " + nodeUrl + " answered " + reply.status());
        }
        return health(reply.body());
    }

    /** A 200 health body's reading (pure): healthy, with its {@code time_ms} when that is an integer. */
    static NodeHealth health(String body) {
        JsonNode t;
        try {
            t = JSON.readTree(body).path("time_ms");
        } catch (IOException e) {
            return new NodeHealth(true, OptionalLong.empty(), "health body is not JSON");
        }
        if (!t.isIntegralNumber() || !t.canConvertToLong()) {
            return new NodeHealth(true, OptionalLong.empty(), "health body has no integer time_ms");
        }
        return new NodeHealth(true, OptionalLong.of(t.longValue()), "ok");
    }

    @Override
    public Optional<ClockOffset> clockOffset() {
        return clockOffset ? Optional.of(this::setClockOffset) : Optional.empty();
    }

    private void setClockOffset(String nodeUrl, long offsetMs, long timeoutMs) throws IOException {
        HttpReply reply = http.send(nodeUrl, StoreRequest.postJson(CLOCK_OFFSET, StoreRequest.CLOSE,
                "{\"offset_ms\":" + offsetMs + "}"), timeoutMs);
        if (reply.status() / 100 != 2) {
            throw new IOException("clock-offset on " + nodeUrl + " answered " + reply.status()
                    + " (was the node started with --allow-clock-offset?)");
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
