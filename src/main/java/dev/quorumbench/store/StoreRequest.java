package dev.quorumbench.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to a node, relative to the node's base URL: what a protocol builds (a declarative protocol
 * from its templates) and {@link HttpTransport} sends.
 *
 * @param method  GET, POST, PUT or DELETE
 * @param path    path and query, starting with {@code /}, already URL-encoded
 * @param headers extra request headers (a JSON body sets its own Content-Type)
 * @param body    the JSON body, or null for none
 */
public record StoreRequest(String method, String path, Map<String, String> headers, String body) {

    /** Asks the transport not to keep the connection: for probes of a node that may be killed a moment later. */
    public static final Map<String, String> CLOSE = Map.of("Connection", "close");

    public StoreRequest {
        Objects.requireNonNull(method, "method");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a request path must start with /, was " + path);
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static StoreRequest get(String path, Map<String, String> headers) {
        return new StoreRequest("GET", path, headers, null);
    }

    public static StoreRequest postJson(String path, Map<String, String> headers, String json) {
        return new StoreRequest("POST", path, headers, Objects.requireNonNull(json, "json"));
    }
}
