package dev.quorumbench.store;

import java.util.OptionalLong;

/**
 * What a node's health probe said: whether it is up, its wall clock when the store reports one (many do not,
 * etcd's among them), and one line on what was seen, for error messages.
 *
 * @param healthy     the node answered its health check positively
 * @param wallClockMs the node's wall clock in epoch ms, empty when the store does not report it
 * @param detail      what the probe saw, e.g. "answered 503" or "no integer time_ms"
 */
public record NodeHealth(boolean healthy, OptionalLong wallClockMs, String detail) {

    public static NodeHealth down(String detail) {
        return new NodeHealth(false, OptionalLong.empty(), detail);
    }
}
