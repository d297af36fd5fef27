package dev.quorumbench.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test double of a store protocol, registered in {@code META-INF/services} as a plug-in would be, so a target
 * profile's {@code "protocol": "memory"} runs a whole campaign (through JMH) against it: a perfectly replicated
 * in-memory store, shared by every protocol instance of the JVM (the trial's and the cluster's health probe).
 *
 * <p>{@code "protocol": "memory-lossy"} acknowledges every write but leaves the second write of every cycle off the
 * listing of the node it was written to: one lost acknowledged write per cycle, which read-back must report.
 */
public class MemoryStoreKind implements StoreProtocolKind {

    /** Acknowledged ids per namespace, in write order. */
    private static final Map<String, List<String>> STORED = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "memory";
    }

    /** Whether {@code id}, written through {@code nodeUrl}, is missing from that node's listing. */
    boolean lost(String id) {
        return false;
    }

    @Override
    public StoreProtocol open(StoreTarget target, long connectTimeoutMs, long responseTimeoutMs) {
        return new StoreProtocol() {
            /** The node each id was written through: the node a lossy store leaves it off. */
            private final Map<String, String> writtenThrough = new ConcurrentHashMap<>();

            @Override
            public PreparedWrite prepare(WriteItem item) {
                return new PreparedWrite(item, StoreRequest.postJson("/memory", Map.of(), item.id()));
            }

            @Override
            public Attempt attempt(String nodeUrl, PreparedWrite write, long timeoutMs) {
                List<String> ids = STORED.computeIfAbsent(write.item().namespace(), ns -> new ArrayList<>());
                synchronized (ids) {
                    if (!ids.contains(write.id())) {
                        ids.add(write.id());
                    }
                }
                LOSSES.put(write.id(), nodeUrl);
                return Attempt.of(AttemptResult.CREATED);
            }

            @Override
            public List<String> listIds(String nodeUrl, String namespace, ListLimits limits) throws IOException {
                List<String> out = new ArrayList<>();
                List<String> ids = STORED.getOrDefault(namespace, List.of());
                synchronized (ids) {
                    for (String id : ids) {
                        if (!(lost(id) && nodeUrl.equals(LOSSES.get(id)))) {
                            out.add(id);
                        }
                    }
                }
                return out;
            }

            @Override
            public NodeHealth health(String nodeUrl, long timeoutMs) {
                return new NodeHealth(true, OptionalLong.of(System.currentTimeMillis()), "memory");
            }

            @Override
            public void close() {
                // nothing held: the data outlives the instance on purpose (the trial and the probe share it)
            }
        };
    }

    /** The node each acknowledged id was written through, shared like the data. */
    private static final Map<String, String> LOSSES = new ConcurrentHashMap<>();

    /** The lossy variant: the second write of every cycle is missing from its own node's listing. */
    public static final class Lossy extends MemoryStoreKind {
        @Override
        public String name() {
            return "memory-lossy";
        }

        @Override
        boolean lost(String id) {
            return id.endsWith("-w2");
        }
    }

    /**
     * A plug-in that claims the built-in {@code ai-memory}'s name: it must never be used, because a registered
     * protocol never shadows a built-in one ({@code StoreProtocolsTest}).
     */
    public static final class ShadowsAiMemory implements StoreProtocolKind {
        @Override
        public String name() {
            return StoreTarget.AI_MEMORY;
        }

        @Override
        public StoreProtocol open(StoreTarget target, long connectTimeoutMs, long responseTimeoutMs) {
            throw new AssertionError("a plug-in shadowed the built-in ai-memory protocol");
        }
    }
}
