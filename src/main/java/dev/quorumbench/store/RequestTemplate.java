package dev.quorumbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorumbench.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A compiled request of a declarative protocol (pure): method, path, query, headers and body as templates,
 * rendered into a {@link StoreRequest} from one set of variable values.
 */
public final class RequestTemplate {

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private record Param(String encodedName, Template value) {
    }

    private final String method;
    private final Template path;
    private final List<Param> query;
    private final Map<String, Template> headers;
    private final Template body;

    private RequestTemplate(String method, Template path, List<Param> query, Map<String, Template> headers,
                            Template body) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Compiles {@code spec}; {@code field} (e.g. {@code protocol.write}) prefixes every error.
     *
     * @throws InvalidInputException one line naming the field
     */
    public static RequestTemplate compile(HttpStoreSpec.Request spec, Set<String> variables, String field) {
        if (spec == null) {
            throw new InvalidInputException(field + ": missing (an object with method, path, query, headers, body)");
        }
        if (spec.method() == null || !METHODS.contains(spec.method())) {
            throw new InvalidInputException(field + ".method: " + (spec.method() == null ? "missing" : "'"
                    + spec.method() + "' is not one of") + " GET, POST, PUT, PATCH, DELETE");
        }
        if (spec.path() == null || !spec.path().startsWith("/") || spec.path().contains("?")) {
            throw new InvalidInputException(field + ".path: must start with / and hold no query (use \"query\")");
        }
        Template path = Template.compile(spec.path(), variables, Template.Escape.NONE, field + ".path");
        List<Param> query = new ArrayList<>();
        if (spec.query() != null) {
            for (Map.Entry<String, String> e : spec.query().entrySet()) {
                String f = field + ".query." + e.getKey();
                if (e.getValue() == null) {
                    throw new InvalidInputException(f + ": must be a string");
                }
                query.add(new Param(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8),
                        Template.compile(e.getValue(), variables, Template.Escape.QUERY, f)));
            }
        }
        Map<String, Template> headers = new LinkedHashMap<>();
        if (spec.headers() != null) {
            for (Map.Entry<String, String> e : spec.headers().entrySet()) {
                String f = field + ".headers." + e.getKey();
                if (e.getValue() == null) {
                    throw new InvalidInputException(f + ": must be a string");
                }
                headers.put(e.getKey(), Template.compile(e.getValue(), variables, Template.Escape.NONE, f));
            }
        }
        return new RequestTemplate(spec.method(), path, List.copyOf(query), headers, body(spec.body(), variables,
                field + ".body"));
    }

    private static Template body(JsonNode body, Set<String> variables, String field) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (body.isTextual()) {
            return Template.compile(body.asText(), variables, Template.Escape.NONE, field);
        }
        if (body.isContainerNode()) {
            // Serialized once; placeholders survive serialization verbatim and land inside JSON strings, so every
            // value is JSON-escaped when rendered.
            return Template.compile(body.toString(), variables, Template.Escape.JSON, field);
        }
        throw new InvalidInputException(field + ": must be a JSON object or array, or a string template");
    }

    /** Every variable the request uses. */
    public Set<String> variables() {
        Set<String> out = new LinkedHashSet<>(path.variables());
        query.forEach(p -> out.addAll(p.value().variables()));
        headers.values().forEach(t -> out.addAll(t.variables()));
        if (body != null) {
            out.addAll(body.variables());
        }
        return out;
    }

    /** The request with every placeholder filled from {@code values}. */
    public StoreRequest render(Function<String, String> values) {
        String p = path.render(values);
        if (!query.isEmpty()) {
            StringBuilder b = new StringBuilder(p);
            char sep = '?';
            for (Param q : query) {
                b.append(sep).append(q.encodedName()).append('=')
                        .append(URLEncoder.encode(q.value().render(values), StandardCharsets.UTF_8));
                sep = '&';
            }
            p = b.toString();
        }
        Map<String, String> h = headers.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (Map.Entry<String, Template> e : headers.entrySet()) {
            h.put(e.getKey(), e.getValue().render(values));
        }
        return new StoreRequest(method, p, h, body == null ? null : body.render(values));
    }
}
