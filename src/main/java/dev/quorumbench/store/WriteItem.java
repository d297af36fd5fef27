package dev.quorumbench.store;

import java.util.Objects;

/**
 * One item the campaign writes: its unique id (the key a read-back looks for), the cycle's namespace it belongs
 * to, and the value to store.
 */
public record WriteItem(String namespace, String id, String value) {

    public WriteItem {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
    }
}
