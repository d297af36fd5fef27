package dev.quorumbench.store;

/**
 * A store protocol a target profile can name ({@code "protocol": "ai-memory"}): the registration point of a
 * {@link StoreProtocol} implementation. Built-in protocols are listed in {@link StoreProtocols}; others register
 * through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.quorumbench.store.StoreProtocolKind}).
 */
public interface StoreProtocolKind {

    /** The name a profile uses, e.g. {@code ai-memory}. */
    String name();

    /**
     * A new protocol for {@code target} whose every request is bounded by the two timeouts; the caller closes it.
     */
    StoreProtocol open(StoreTarget target, long connectTimeoutMs, long responseTimeoutMs);
}
