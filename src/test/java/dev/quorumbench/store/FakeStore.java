package dev.quorumbench.store;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store behind the {@link StoreProtocol} seam (a test double): nodes are the URLs {@code fake://node-i},
 * each attempt's result can be scripted per write id, and the store can be told to lose an acknowledged write on
 * one node or to be unreadable, so the harness's checks are proven able to fail.
 *
 * <p>An acknowledged write is stored on every node at once; a quorum_not_met one on the node written only; any
 * other result stores nothing.
 */
public final class FakeStore implements StoreProtocol {

    private final int nodes;
    private final Map<String, Deque<AttemptResult>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> losses = new ConcurrentHashMap<>();
    private final Map<Integer, List<String>> held = new ConcurrentHashMap<>();
    private final Map<String, Long> clockOffsets = new ConcurrentHashMap<>();
    private final Set<Integer> unreadable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean closed;

    public FakeStore(int nodes) {
        this.nodes = nodes;
        for (int i = 0; i < nodes; i++) {
            held.put(i, java.util.Collections.synchronizedList(new ArrayList<>()));
        }
    }

    public static String url(int node) {
        return "fake://node-" + node;
    }

    /** The attempts of write {@code id} produce these results in turn; the last one repeats. */
    public FakeStore script(String id, AttemptResult... results) {
        scripts.put(id, new ArrayDeque<>(Arrays.asList(results)));
        return this;
    }

    /** Write {@code id} is acknowledged but never reaches {@code node}: a lost acknowledged write. */
    public FakeStore lose(String id, int node) {
        losses.put(id, node);
        return this;
    }

    /** Listing {@code node} fails from now on. */
    public FakeStore unreadable(int node) {
        unreadable.add(node);
        return this;
    }

    public int attempts() {
        return attempts.get();
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public PreparedWrite prepare(WriteItem item) {
        return new PreparedWrite(item, StoreRequest.postJson("/fake", Map.of(), item.id()));
    }

    @Override
    public Attempt attempt(String nodeUrl, PreparedWrite write, long timeoutMs) {
        attempts.incrementAndGet();
        String id = write.id();
        AttemptResult r = next(id);
        if (r == AttemptResult.CREATED) {
            for (int n = 0; n < nodes; n++) {
                if (!Integer.valueOf(n).equals(losses.get(id))) {
                    put(n, write.item());
                }
            }
        } else if (r == AttemptResult.QUORUM_NOT_MET) {
            put(node(nodeUrl), write.item());
        }
        return Attempt.of(r);
    }

    private AttemptResult next(String id) {
        Deque<AttemptResult> script = scripts.get(id);
        if (script == null || script.isEmpty()) {
            return AttemptResult.CREATED;
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    private void put(int node, WriteItem item) {
        String key = item.namespace() + "\u0000" + item.id();
        List<String> list = held.get(node);
        synchronized (list) {
            if (!list.contains(key)) {
                list.add(key);
            }
        }
    }

    @Override
    public List<String> listIds(String nodeUrl, String namespace, ListLimits limits) throws IOException {
        int node = node(nodeUrl);
        if (unreadable.contains(node)) {
            throw new IOException("fake node " + node + " is unreadable");
        }
        List<String> ids = new ArrayList<>();
        List<String> list = held.get(node);
        synchronized (list) {
            for (String key : list) {
                if (key.startsWith(namespace + "\u0000")) {
                    ids.add(key.substring(namespace.length() + 1));
                }
            }
        }
        if (ids.size() > limits.maxRows()) {
            throw new IOException("more than " + limits.maxRows() + " rows");
        }
        return ids;
    }

    @Override
    public NodeHealth health(String nodeUrl, long timeoutMs) {
        return new NodeHealth(true, OptionalLong.of(System.currentTimeMillis()
                + clockOffsets.getOrDefault(nodeUrl, 0L)), "ok");
    }

    @Override
    public Optional<ClockOffset> clockOffset() {
        return Optional.of((url, offsetMs, timeoutMs) -> clockOffsets.put(url, offsetMs));
    }

    @Override
    public void close() {
        closed = true;
    }

    private int node(String nodeUrl) {
        if (!nodeUrl.startsWith("fake://node-")) {
            throw new IllegalArgumentException("not a fake node: " + nodeUrl);
        }
        return Integer.parseInt(nodeUrl.substring("fake://node-".length()));
    }
}
