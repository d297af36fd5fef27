package dev.quorumbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A store described by a target profile's {@code protocol} object ({@link HttpStore}), spoken over the harness's
 * one HTTP stack: templates build the requests, {@link OutcomeRules} classify the answers.
 */
public final class HttpStoreProtocol implements StoreProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpStore store;
    private final HttpTransport http;
    private final boolean offerClockOffset;

    /**
     * Takes ownership of {@code http}; {@code offerClockOffset} says whether the target's nodes accept the store's
     * clock-offset request (the profile's {@code clock-offset} capability).
     */
    public HttpStoreProtocol(HttpStore store, HttpTransport http, boolean offerClockOffset) {
        this.store = store;
        this.http = http;
        this.offerClockOffset = offerClockOffset && store.clockOffset() != null;
    }

    @Override
    public PreparedWrite prepare(WriteItem item) {
        return new PreparedWrite(item, request(item));
    }

    /** The write request of {@code item} (pure). */
    StoreRequest request(WriteItem item) {
        Map<String, String> v = new HashMap<>(8);
        v.put("id", item.id());
        v.put("namespace", item.namespace());
        v.put("cycle", item.namespace()); // every cycle is its own namespace
        v.put("value", item.value());
        v.put("key", store.key().render(v::get));
        v.put("prefix", store.prefix().render(v::get));
        return store.write().render(v::get);
    }

    @Override
    public Attempt attempt(String nodeUrl, PreparedWrite write, long timeoutMs) {
        HttpReply reply;
        try {
            reply = http.send(nodeUrl, write.request(), timeoutMs);
        } catch (IOException e) {
            return Attempt.of(HttpTransport.failure(e)); // timeouts and resets stay the transport's call
        }
        return new Attempt(classify(reply), reply.retryAfterMs());
    }

    /** Classifies a received answer to a write by the profile's outcome rules (pure). */
    public AttemptResult classify(HttpReply reply) {
        return store.outcomes().classify(reply.status(), reply.body());
    }

    @Override
    public List<String> listIds(String nodeUrl, String namespace, ListLimits limits) throws IOException {
        HttpStore.ListPlan plan = store.list();
        Map<String, String> v = new HashMap<>(8);
        v.put("namespace", namespace);
        v.put("cycle", namespace);
        String prefix = store.prefix().render(v::get);
        v.put("prefix", prefix);
        v.put("limit", Integer.toString(plan.limit()));
        v.put("offset", "0");
        v.put("after", "");
        v.put("from", prefix);
        List<String> ids = new ArrayList<>();
        int pages = 0;
        while (true) {
            if (limits.deadline().passed()) {
                throw new IOException("listing " + nodeUrl + " did not finish in time (" + ids.size() + " rows read)");
            }
            HttpReply reply = http.send(nodeUrl, plan.request().render(v::get), Math.max(1, limits.deadline().leftMs()));
            // A listing is a read: only 200 says "here is the page" (a 201, 204 or redirect is not a node's copy).
            if (reply.status() != 200) {
                throw new IOException("list answered HTTP " + reply.status());
            }
            JsonNode page = parse(reply.body());
            if (!page.isObject()) {
                throw new IOException("list answer is not a JSON object");
            }
            JsonNode items = page.at(plan.items());
            if (items.isMissingNode() || items.isNull()) {
                // Stores such as etcd leave an empty result's array out; only a first page may say "nothing" that
                // way: mid-listing it is an answer that is not a page (an error object), never the end.
                if (pages == 0) {
                    return ids;
                }
                throw new IOException("list answer has no array at " + plan.items() + " after " + ids.size() + " rows");
            }
            if (!items.isArray()) {
                throw new IOException("list answer has no array at " + plan.items());
            }
            String lastKey = null;
            for (JsonNode item : items) {
                String text = itemText(item, plan);
                // An id is stored under the prefix plus the id (the key template ends in ${id}).
                lastKey = plan.isKey() ? text : prefix + text;
                ids.add(plan.isKey() && text.startsWith(prefix) ? text.substring(prefix.length()) : text);
            }
            if (ids.size() > limits.maxRows()) {
                throw new IOException("node listed more than " + limits.maxRows() + " rows for one namespace");
            }
            boolean more = more(page, plan);
            if (more && plan.more() != null && (items.isEmpty() || plan.paging() == HttpStore.PagingStyle.NONE)) {
                // The node says there is more, but this page cannot lead to it: a partial listing, not the end.
                throw new IOException("list answer says there is more after " + ids.size() + " rows, but "
                        + (items.isEmpty() ? "its page is empty" : "the profile has no way to ask for the next page"));
            }
            if (items.isEmpty() || plan.paging() == HttpStore.PagingStyle.NONE || !more) {
                return ids;
            }
            pages++;
            v.put("offset", Integer.toString(ids.size()));
            v.put("after", lastKey);
            v.put("from", lastKey + "\u0000"); // the smallest key after the last one read
        }
    }

    private static boolean more(JsonNode page, HttpStore.ListPlan plan) {
        return plan.more() == null || page.at(plan.more()).asBoolean(false);
    }

    private static String itemText(JsonNode item, HttpStore.ListPlan plan) throws IOException {
        JsonNode at = item.at(plan.itemPointer());
        if (!at.isValueNode() || at.isNull()) {
            throw new IOException("list item has no " + (plan.isKey() ? "key" : "id") + " at " + plan.itemPointer());
        }
        String text = at.asText();
        if (!plan.base64()) {
            return text;
        }
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IOException("list item's " + (plan.isKey() ? "key" : "id") + " is not base64");
        }
    }

    private static JsonNode parse(String body) throws IOException {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null) {
                throw new IOException("list answer is empty");
            }
            return n;
        } catch (IOException e) {
            throw new IOException("list answer is not JSON");
        }
    }

    @Override
    public NodeHealth health(String nodeUrl, long timeoutMs) {
        HttpStore.HealthPlan plan = store.health();
        HttpReply reply;
        try {
            reply = http.send(nodeUrl, StoreRequest.get(plan.path(), StoreRequest.CLOSE), timeoutMs);
        } catch (IOException e) {
            return NodeHealth.down("cannot reach " + nodeUrl + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (reply.status() != plan.status()) {
            return NodeHealth.down("health of " + nodeUrl + " answered " + reply.status());
        }
        return health(plan, reply.body());
    }

    /** A healthy answer's reading (pure): the wall clock where the profile says it is, in the format it says. */
    static NodeHealth health(HttpStore.HealthPlan plan, String body) {
        if (plan.clock() == null) {
            return new NodeHealth(true, OptionalLong.empty(), "the profile names no wall clock in the health answer");
        }
        JsonNode t;
        try {
            t = JSON.readTree(body);
        } catch (IOException e) {
            return new NodeHealth(true, OptionalLong.empty(), "health body is not JSON");
        }
        t = t == null ? null : t.at(plan.clock());
        if (t == null || t.isMissingNode()) {
            return new NodeHealth(true, OptionalLong.empty(), "health body has nothing at " + plan.clock());
        }
        if (plan.rfc3339()) {
            try {
                return new NodeHealth(true, OptionalLong.of(OffsetDateTime.parse(t.asText()).toInstant().toEpochMilli()),
                        "ok");
            } catch (DateTimeParseException e) {
                return new NodeHealth(true, OptionalLong.empty(), "health clock at " + plan.clock() + " is not RFC 3339");
            }
        }
        if (!t.isIntegralNumber() || !t.canConvertToLong()) {
            return new NodeHealth(true, OptionalLong.empty(), "health clock at " + plan.clock() + " is not an integer");
        }
        return new NodeHealth(true, OptionalLong.of(t.longValue()), "ok");
    }

    @Override
    public Optional<ClockOffset> clockOffset() {
        return offerClockOffset ? Optional.of(this::setClockOffset) : Optional.empty();
    }

    private void setClockOffset(String nodeUrl, long offsetMs, long timeoutMs) throws IOException {
        StoreRequest r = store.clockOffset().render(Map.of("offset_ms", Long.toString(offsetMs))::get);
        Map<String, String> headers = new HashMap<>(r.headers());
        headers.putAll(StoreRequest.CLOSE); // no pooled connection left to a node that may be killed next
        HttpReply reply = http.send(nodeUrl, new StoreRequest(r.method(), r.path(), headers, r.body()), timeoutMs);
        if (reply.status() / 100 != 2) {
            throw new IOException("clock-offset on " + nodeUrl + " answered " + reply.status()
                    + " (was the node started with --allow-clock-offset?)");
        }
    }

    /** Whether the read-back reads what each node itself holds (the profile's {@code list.node_local}). */
    public boolean nodeLocalReads() {
        return store.list().nodeLocal();
    }

    @Override
    public void close() {
        http.close();
    }
}
