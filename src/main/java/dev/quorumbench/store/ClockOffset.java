package dev.quorumbench.store;

import java.io.IOException;

/**
 * The capability of a store whose nodes can offset their own wall clock on request (the cooperative clock skew):
 * a protocol offers it through {@link StoreProtocol#clockOffset()} only when the target supports it.
 */
@FunctionalInterface
public interface ClockOffset {

    /** Asks the node at {@code nodeUrl} to run its wall clock {@code offsetMs} ahead (0 removes the offset). */
    void set(String nodeUrl, long offsetMs, long timeoutMs) throws IOException;
}
