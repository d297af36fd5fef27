package dev.quorumbench.cluster;

import dev.quorumbench.host.Host;
import java.nio.file.Path;

/**
 * A running cluster under test: one OS process per node, each on a {@link Host}, driven only over HTTP and
 * through its host (signals, process states, files, firewall).
 *
 * <p>Node 0 is the primary the harness writes through. {@link #close()} kills every node it started and
 * removes every proxy, rule and temporary file, and is safe to call twice.
 */
public interface Cluster extends AutoCloseable {

    int size();

    /** Base URL the harness uses to reach node i directly (never through a link proxy), e.g. http://127.0.0.1:19077. */
    String nodeUrl(int i);

    /** The host node i runs on: where its pid is valid and where faults act on it. */
    Host host(int i);

    /** OS pid of node i's process on its host (the node itself, not a wrapper shell), or -1 when it is down. */
    long pid(int i);

    boolean isAlive(int i);

    /** Sends SIGKILL to node i and waits (bounded) until the process is gone. */
    void kill(int i) throws ClusterException;

    /** Starts node i again on the same database and waits (bounded) until it is healthy; returns ms to healthy. */
    long restart(int i) throws ClusterException;

    /**
     * Where node i's peers reach it, when each node has a host of its own (a {@code hosts} profile): what a partition
     * between hosts cuts. Empty when the nodes share the harness's machine.
     */
    default java.util.Optional<NodeAddress> peerAddress(int i) {
        return java.util.Optional.empty();
    }

    /** The per-directed-link TCP proxies between nodes, or null when this cluster runs without them. */
    LinkControl links();

    /** Where node databases, logs and fault files live for this cluster. */
    Path workDir();

    /** The file node i's stdout and stderr are appended to (kept after {@link #close()}). */
    default Path nodeLog(int i) {
        return workDir().resolve("node-" + i + ".log");
    }

    /** What the nodes support beyond the common interface, e.g. {@code clock-offset} (see TargetProfile). */
    default java.util.Set<String> capabilities() {
        return java.util.Set.of();
    }

    @Override
    void close();
}
