package dev.quorumbench.cluster;

import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import dev.quorumbench.store.StoreTarget;

/**
 * One bounded health probe of a node through the store protocol, over a connection of its own.
 *
 * <p>Each probe opens and closes its own small HttpClient 5 client (and the protocol asks for
 * {@code Connection: close}), so no pooled connection outlives the probe to a node that may be killed a moment
 * later, and its timeouts are exactly the ones given. A node process knows only its profile's health path, so the
 * probe speaks the protocol that path belongs to (ai-memory's, the only one so far).
 */
final class HealthProbe {

    private HealthProbe() {
    }

    static boolean healthy(String host, int port, String path, int timeoutMs) {
        long timeout = Math.max(1, timeoutMs);
        try (StoreProtocol store = StoreProtocols.forTarget(StoreTarget.aiMemory(path, false), timeout, timeout)) {
            return store.health(NodeVariables.url(host, port), timeout).healthy();
        }
    }
}
