package dev.quorumbench.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * How the harness talks to a store: prepare and attempt one write, list what one node holds for a cycle, and
 * read a node's health and wall clock. The retry loop, read-back, faults and cluster start use only this.
 *
 * <p>Implementations are thread-safe (the fault thread probes clocks while the benchmark thread writes) and bound
 * every call by the timeout or deadline they are given. Store behaviour is never an exception from
 * {@link #attempt}: a refused, reset, slow or nonsensical answer is an {@link AttemptResult}.
 */
public interface StoreProtocol extends AutoCloseable {

    /**
     * Builds the request that writes {@code item}. Called before the write's clock starts; the result is sent
     * unchanged by every attempt, so it must be retry-safe: the same id sent twice is one item on the store.
     */
    PreparedWrite prepare(WriteItem item);

    /**
     * Sends one attempt of {@code write} to the node at {@code nodeUrl}, waiting at most {@code timeoutMs} for
     * the answer, and classifies it. Never throws for anything the store or the network does.
     */
    Attempt attempt(String nodeUrl, PreparedWrite write, long timeoutMs);

    /**
     * The ids the node at {@code nodeUrl} itself holds in {@code namespace} (node-local: never a read the node
     * forwards to a leader), in the node's order, duplicates kept; pages as the store needs.
     *
     * @throws IOException when the node cannot be read completely within {@code limits}: it counts as unreadable
     */
    List<String> listIds(String nodeUrl, String namespace, ListLimits limits) throws IOException;

    /** Probes the node's health (and wall clock, if the store reports one) within {@code timeoutMs}; never throws. */
    NodeHealth health(String nodeUrl, long timeoutMs);

    /** The cooperative clock offset, when this store's nodes offer it. */
    default Optional<ClockOffset> clockOffset() {
        return Optional.empty();
    }

    /** Releases connections; the protocol is unusable afterwards. */
    @Override
    void close();
}
