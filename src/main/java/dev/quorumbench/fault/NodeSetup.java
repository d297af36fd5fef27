package dev.quorumbench.fault;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cluster must be started with for a fault to work: extra environment and arguments per node index
 * (libfaketime for node-1, {@code --allow-clock-offset}) and whether node links must run through proxies.
 */
public record NodeSetup(Map<Integer, Map<String, String>> env, Map<Integer, List<String>> args,
                        boolean needsLinkProxies) {

    /** Nothing extra. */
    public static final NodeSetup NONE = new NodeSetup(Map.of(), Map.of(), false);

    /** Only link proxies. */
    public static final NodeSetup LINK_PROXIES = new NodeSetup(Map.of(), Map.of(), true);

    public NodeSetup {
        Map<Integer, Map<String, String>> e = new HashMap<>();
        env.forEach((k, v) -> e.put(k, Map.copyOf(v)));
        env = Map.copyOf(e);
        Map<Integer, List<String>> a = new HashMap<>();
        args.forEach((k, v) -> a.put(k, List.copyOf(v)));
        args = Map.copyOf(a);
    }

    /** Extra environment of node {@code i} (empty when none). */
    public Map<String, String> envOf(int i) {
        return env.getOrDefault(i, Map.of());
    }

    /** Extra arguments of node {@code i} (empty when none). */
    public List<String> argsOf(int i) {
        return args.getOrDefault(i, List.of());
    }
}
