package dev.quorumbench.cluster;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What cluster to start: which profile, how many nodes, the quorum settings, and per-node extras.
 *
 * @param profile         how one node is started
 * @param nodes           number of nodes (node 0 is the primary)
 * @param quorumWrites    W of the W-of-N quorum
 * @param quorumTimeoutMs how long a node waits for peer acks
 * @param extraNodeArgs   arguments appended to every node's argv (the user's {@code --node-args}), taken literally
 * @param linkProxies     whether node-to-node traffic runs through one {@code LinkProxy} per directed link
 * @param nodeEnv         extra environment per node index (for example {@code LD_PRELOAD} for node 1)
 * @param nodeArgs        extra arguments per node index, after {@code extraNodeArgs}, taken literally
 * @param workDir         where databases and node logs live; created if missing
 * @param startTimeoutMs  bound on waiting for a node to answer its health check (start and restart)
 * @param host            the loopback address nodes and proxies listen on
 * @param campaignId      the campaign's id ({@code ${campaign_id}}, e.g. etcd's cluster token)
 */
public record ClusterSpec(TargetProfile profile, int nodes, int quorumWrites, long quorumTimeoutMs,
                             List<String> extraNodeArgs, boolean linkProxies,
                             Map<Integer, Map<String, String>> nodeEnv, Map<Integer, List<String>> nodeArgs,
                             Path workDir, long startTimeoutMs, String host, String campaignId) {

    public ClusterSpec {
        if (profile == null) {
            throw new IllegalArgumentException("profile is required");
        }
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be at least 1, was " + nodes);
        }
        if (quorumWrites < 1 || quorumWrites > nodes) {
            throw new IllegalArgumentException("quorumWrites must be within 1.." + nodes + ", was " + quorumWrites);
        }
        if (quorumTimeoutMs <= 0 || startTimeoutMs <= 0) {
            throw new IllegalArgumentException("quorumTimeoutMs and startTimeoutMs must be positive");
        }
        if (workDir == null) {
            throw new IllegalArgumentException("workDir is required");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (campaignId == null || campaignId.isBlank()) {
            throw new IllegalArgumentException("campaignId is required");
        }
        extraNodeArgs = List.copyOf(extraNodeArgs);
        Map<Integer, Map<String, String>> env = new HashMap<>();
        nodeEnv.forEach((i, m) -> env.put(i, Map.copyOf(m)));
        nodeEnv = Map.copyOf(env);
        Map<Integer, List<String>> args = new HashMap<>();
        nodeArgs.forEach((i, l) -> args.put(i, List.copyOf(l)));
        nodeArgs = Map.copyOf(args);
    }

    /** A builder with the defaults: 3 nodes, W=2, 2000 ms quorum timeout, link proxies on, 30 s start timeout, 127.0.0.1. */
    /** A bound, not a wait: a JVM node on a loaded 2-core machine was seen to take 20 s to answer health. */
    public static final long DEFAULT_START_TIMEOUT_MS = 90_000;

    public static Builder builder(TargetProfile profile, Path workDir) {
        return new Builder(profile, workDir);
    }

    /** The same spec with {@code dir} as its work directory. */
    ClusterSpec withWorkDir(Path dir) {
        return new ClusterSpec(profile, nodes, quorumWrites, quorumTimeoutMs, extraNodeArgs, linkProxies, nodeEnv,
                nodeArgs, dir, startTimeoutMs, host, campaignId);
    }

    public Map<String, String> envOf(int node) {
        return nodeEnv.getOrDefault(node, Map.of());
    }

    public List<String> argsOf(int node) {
        return nodeArgs.getOrDefault(node, List.of());
    }

    /** Builds a {@link ClusterSpec}; every setter returns this. */
    public static final class Builder {
        private final TargetProfile profile;
        private final Path workDir;
        private int nodes = 3;
        private int quorumWrites = 2;
        private long quorumTimeoutMs = 2000;
        private List<String> extraNodeArgs = List.of();
        private boolean linkProxies = true;
        private final Map<Integer, Map<String, String>> nodeEnv = new HashMap<>();
        private final Map<Integer, List<String>> nodeArgs = new HashMap<>();
        private long startTimeoutMs = DEFAULT_START_TIMEOUT_MS;
        private String host = "127.0.0.1";
        private String campaignId = "quorumbench";

        private Builder(TargetProfile profile, Path workDir) {
            this.profile = profile;
            this.workDir = workDir;
        }

        public Builder nodes(int n) {
            this.nodes = n;
            return this;
        }

        public Builder quorumWrites(int w) {
            this.quorumWrites = w;
            return this;
        }

        public Builder quorumTimeoutMs(long ms) {
            this.quorumTimeoutMs = ms;
            return this;
        }

        public Builder extraNodeArgs(List<String> args) {
            this.extraNodeArgs = args;
            return this;
        }

        public Builder linkProxies(boolean on) {
            this.linkProxies = on;
            return this;
        }

        /** Adds environment entries for one node (merged with earlier calls for the same node). */
        public Builder nodeEnv(int node, Map<String, String> env) {
            Map<String, String> m = new HashMap<>(nodeEnv.getOrDefault(node, Map.of()));
            m.putAll(env);
            nodeEnv.put(node, m);
            return this;
        }

        /** Adds arguments for one node (appended to earlier calls for the same node). */
        public Builder nodeArgs(int node, List<String> args) {
            List<String> l = new java.util.ArrayList<>(nodeArgs.getOrDefault(node, List.of()));
            l.addAll(args);
            nodeArgs.put(node, l);
            return this;
        }

        public Builder startTimeoutMs(long ms) {
            this.startTimeoutMs = ms;
            return this;
        }

        public Builder host(String h) {
            this.host = h;
            return this;
        }

        public Builder campaignId(String id) {
            this.campaignId = id;
            return this;
        }

        public ClusterSpec build() {
            return new ClusterSpec(profile, nodes, quorumWrites, quorumTimeoutMs, extraNodeArgs, linkProxies,
                    nodeEnv, nodeArgs, workDir, startTimeoutMs, host, campaignId);
        }
    }
}
