package dev.quorumbench.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Test double of a host firewall: chains and rules kept in memory, every call recorded ("ensure QB-1 lo",
 * "apply 4", "flush QB-1"); optional hooks let a test make applied rules act on fake links.
 */
public final class FakeFirewall implements Firewall {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> chains = new LinkedHashMap<>();
    private volatile Consumer<List<String>> onApply = rules -> { };
    private volatile Runnable onFlush = () -> { };

    /** What applied rules do beyond being listed (e.g. black-hole the fake links whose ports they name). */
    public void onApply(Consumer<List<String>> hook) {
        this.onApply = hook;
    }

    /** What a flush does beyond emptying the chain. */
    public void onFlush(Runnable hook) {
        this.onFlush = hook;
    }

    /** Adds a chain as if another harness had left it. */
    public synchronized void leave(String chain) {
        chains.put(chain, new ArrayList<>());
    }

    public synchronized List<String> chains() {
        return List.copyOf(chains.keySet());
    }

    @Override
    public synchronized void ensureChain(String chain, String device) {
        calls.add("ensure " + chain + " " + device);
        chains.putIfAbsent(chain, new ArrayList<>());
    }

    @Override
    public OptionalLong apply(List<String> rules) throws HostException {
        synchronized (this) {
            calls.add("apply " + rules.size());
            for (String rule : rules) {
                String chain = rule.split(" ")[1];
                List<String> in = chains.get(chain);
                if (in == null) {
                    throw new HostException("iptables could not add rules: no chain " + chain);
                }
                in.add(rule);
            }
        }
        onApply.accept(rules);
        return OptionalLong.empty();
    }

    @Override
    public void flush(String chain) {
        synchronized (this) {
            calls.add("flush " + chain);
            chains.computeIfPresent(chain, (c, r) -> new ArrayList<>());
        }
        onFlush.run();
    }

    @Override
    public synchronized List<String> rules(String chain) {
        return List.copyOf(chains.getOrDefault(chain, List.of()));
    }

    @Override
    public synchronized boolean exists(String chain) {
        return chains.containsKey(chain);
    }

    @Override
    public synchronized void removeChain(String chain) {
        calls.add("remove " + chain);
        chains.remove(chain);
    }

    @Override
    public synchronized List<String> sweep(Predicate<String> abandoned) {
        List<String> removed = chains.keySet().stream().filter(abandoned).toList();
        calls.add("sweep " + removed);
        removed.forEach(chains::remove);
        return removed;
    }
}
