package dev.quorumbench.node;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The node's one shared, thread-safe Jackson mapper. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
