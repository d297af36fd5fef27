package dev.quorumbench.store;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.quorumbench.InvalidInputException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A checked, compiled declarative protocol: the {@code protocol} object of a target profile turned into templates,
 * outcome rules and pointers, every error found before anything starts. {@link HttpStoreProtocol} runs it.
 *
 * @param key        the key template (ends in {@code ${id}})
 * @param prefix     the cycle's key prefix: the key template without its {@code ${id}}
 * @param write      the write request
 * @param outcomes   the outcome rules of a write's answer
 * @param list       the read-back
 * @param health     the health probe
 * @param clockOffset the cooperative clock-offset request, or null when the store has none
 * @param source     the object as the profile wrote it (two stores are equal when their sources are)
 */
public record HttpStore(Template key, Template prefix, RequestTemplate write, OutcomeRules outcomes, ListPlan list,
                        HealthPlan health, RequestTemplate clockOffset, JsonNode source) {

    /** This store probing health at {@code path} instead (a profile's {@code health_path} for a named protocol). */
    public HttpStore withHealthPath(String path) {
        return new HttpStore(key, prefix, write, outcomes, list, new HealthPlan(path, health.status(), health.clock(),
                health.rfc3339()), clockOffset, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpStore h && h.source.equals(source) && h.health.equals(health);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return "HttpStore" + source;
    }

    /** Variables of the key template. */
    static final Set<String> KEY_VARIABLES = Set.of("id", "namespace", "cycle");
    /** Variables of the write request. */
    static final Set<String> WRITE_VARIABLES = Set.of("id", "key", "value", "namespace", "cycle", "prefix");
    /** Variables of the clock-offset request. */
    static final Set<String> CLOCK_OFFSET_VARIABLES = Set.of("offset_ms");
    /** Variables of a read-back page request. */
    static final Set<String> LIST_VARIABLES = Set.of("namespace", "cycle", "prefix", "limit", "offset", "after",
            "from");

    /** How the next page is asked for. */
    public enum PagingStyle { OFFSET, AFTER_KEY, NONE }

    /** The compiled read-back: one page request, where ids are in a page, and how to page. */
    public record ListPlan(RequestTemplate request, JsonPointer items, JsonPointer itemPointer, boolean isKey,
                           boolean base64, PagingStyle paging, int limit, JsonPointer more, boolean nodeLocal) {
    }

    /** The compiled health probe; {@code clock} null when the store reports no wall clock. */
    public record HealthPlan(String path, int status, JsonPointer clock, boolean rfc3339) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * Binds and compiles a profile's {@code protocol} object; {@code defaultHealthPath} is the profile's
     * {@code health_path}.
     *
     * @throws InvalidInputException one line naming the field, e.g. {@code protocol.write.body: unknown placeholder}
     */
    public static HttpStore parse(JsonNode protocol, String defaultHealthPath) {
        HttpStoreSpec spec;
        try {
            spec = MAPPER.treeToValue(protocol, HttpStoreSpec.class);
        } catch (UnrecognizedPropertyException e) {
            Set<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new InvalidInputException(path(e) + ": unknown field (fields here: " + String.join(", ", known) + ")");
        } catch (JsonMappingException e) {
            throw new InvalidInputException(path(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException("protocol: " + firstLine(e.getOriginalMessage()));
        }
        return compile(spec, defaultHealthPath, protocol);
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder("protocol");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String firstLine(String message) {
        String m = message == null ? "invalid" : message.strip();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).replaceAll(" \\(class [^)]*\\)", "");
    }

    /** Checks and compiles a bound spec (see {@link #parse}); {@code source} is the JSON it was bound from. */
    static HttpStore compile(HttpStoreSpec spec, String defaultHealthPath, JsonNode source) {
        String keyText = spec.key() == null ? "${id}" : spec.key();
        Template key = Template.compile(keyText, KEY_VARIABLES, Template.Escape.NONE, "protocol.key");
        if (!keyText.endsWith("${id}") || keyText.indexOf("${id}") != keyText.length() - 5) {
            throw new InvalidInputException("protocol.key: must end with ${id} and use it once (the read-back finds "
                    + "the id after the cycle's prefix)");
        }
        Template prefix = Template.compile(keyText.substring(0, keyText.length() - 5), KEY_VARIABLES,
                Template.Escape.NONE, "protocol.key");
        RequestTemplate write = RequestTemplate.compile(spec.write(), WRITE_VARIABLES, "protocol.write");
        if (!write.variables().contains("id") && !write.variables().contains("key")) {
            throw new InvalidInputException("protocol.write: the request never uses ${id} or ${key}, so a retry "
                    + "could not be recognised as the same write");
        }
        OutcomeRules outcomes = OutcomeRules.compile(spec.outcomes(), spec.otherwise(), "protocol.outcomes");
        RequestTemplate clockOffset = spec.clockOffset() == null ? null
                : RequestTemplate.compile(spec.clockOffset(), CLOCK_OFFSET_VARIABLES, "protocol.clock_offset");
        return new HttpStore(key, prefix, write, outcomes, list(spec.list()), health(spec.health(), defaultHealthPath),
                clockOffset, source.deepCopy());
    }

    private static ListPlan list(HttpStoreSpec.ListRead l) {
        if (l == null) {
            throw new InvalidInputException("protocol.list: missing (how to read back what one node holds)");
        }
        RequestTemplate request = RequestTemplate.compile(l.request(), LIST_VARIABLES, "protocol.list.request");
        if (l.items() == null) {
            throw new InvalidInputException("protocol.list.items: missing (JSON pointer to the array of items)");
        }
        JsonPointer items = OutcomeRules.pointer(l.items(), "protocol.list.items");
        if ((l.id() == null) == (l.key() == null)) {
            throw new InvalidInputException("protocol.list: give exactly one of \"id\" (pointer to the write id) and "
                    + "\"key\" (pointer to the stored key)");
        }
        boolean isKey = l.key() != null;
        JsonPointer item = OutcomeRules.pointer(isKey ? l.key() : l.id(), isKey ? "protocol.list.key" : "protocol.list.id");
        if (l.nodeLocal() == null) {
            throw new InvalidInputException("protocol.list.node_local: missing (true if the read returns what the "
                    + "node itself holds, false if the node may forward it to a leader)");
        }
        HttpStoreSpec.Paging p = l.paging();
        if (p == null || p.style() == null) {
            throw new InvalidInputException("protocol.list.paging.style: missing (offset, after_key or none)");
        }
        PagingStyle style;
        try {
            style = PagingStyle.valueOf(p.style().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("protocol.list.paging.style: unknown style '" + p.style()
                    + "' (offset, after_key or none)");
        }
        int limit = p.limit() == null ? 1000 : p.limit();
        if (limit < 1) {
            throw new InvalidInputException("protocol.list.paging.limit: must be >= 1, was " + limit);
        }
        Set<String> used = request.variables();
        if (style == PagingStyle.OFFSET && !used.contains("offset")) {
            throw new InvalidInputException("protocol.list.request: offset paging needs ${offset} in the request");
        }
        if (style == PagingStyle.AFTER_KEY && !used.contains("from") && !used.contains("after")) {
            throw new InvalidInputException("protocol.list.request: after_key paging needs ${from} or ${after} in "
                    + "the request");
        }
        JsonPointer more = p.more() == null ? null : OutcomeRules.pointer(p.more(), "protocol.list.paging.more");
        return new ListPlan(request, items, item, isKey, Boolean.TRUE.equals(l.keyBase64()), style, limit, more,
                l.nodeLocal());
    }

    private static HealthPlan health(HttpStoreSpec.Health h, String defaultPath) {
        if (h == null) {
            return new HealthPlan(defaultPath, 200, null, false);
        }
        String path = h.path() == null ? defaultPath : h.path();
        if (!path.startsWith("/")) {
            throw new InvalidInputException("protocol.health.path: must start with /");
        }
        int status = h.status() == null ? 200 : h.status();
        if (status < 100 || status > 599) {
            throw new InvalidInputException("protocol.health.status: not an HTTP status: " + status);
        }
        JsonPointer clock = h.clock() == null ? null : OutcomeRules.pointer(h.clock(), "protocol.health.clock");
        String format = h.clockFormat() == null ? "epoch_ms" : h.clockFormat();
        if (!format.equals("epoch_ms") && !format.equals("rfc3339")) {
            throw new InvalidInputException("protocol.health.clock_format: '" + format + "' is not epoch_ms or rfc3339");
        }
        if (h.clockFormat() != null && clock == null) {
            throw new InvalidInputException("protocol.health.clock_format: given without \"clock\"");
        }
        return new HealthPlan(path, status, clock, format.equals("rfc3339"));
    }
}
