package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClusterException;
import dev.quorumbench.cluster.LinkControl;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double of a three-node cluster on one host: with {@link dev.quorumbench.host.LocalHost} its nodes are real
 * {@code sleep} processes (signals and pids are real), with {@link dev.quorumbench.host.FakeHost} they are
 * scripted pids. URLs and links are configurable; kill/restart calls are recorded.
 */
final class FakeCluster implements Cluster {

    /** Starts a stand-in for node i on the host and returns its pid. */
    @FunctionalInterface
    interface Starter {
        long start(int node) throws Exception;
    }

    final List<String> calls = new CopyOnWriteArrayList<>();
    final String[] urls = {"http://127.0.0.1:1", "http://127.0.0.1:1", "http://127.0.0.1:1"};
    final long[] pids = new long[3];
    private final Host host;
    private final Starter starter;
    private final LinkControl links;
    private final Path workDir;

    FakeCluster(Host host, Starter starter, LinkControl links, Path workDir) throws Exception {
        this.host = host;
        this.starter = starter;
        this.links = links;
        this.workDir = workDir;
        for (int i = 0; i < pids.length; i++) {
            pids[i] = starter.start(i);
        }
    }

    @Override
    public int size() {
        return pids.length;
    }

    @Override
    public Host host(int i) {
        return host;
    }

    @Override
    public String nodeUrl(int i) {
        return urls[i];
    }

    @Override
    public long pid(int i) {
        return isAlive(i) ? pids[i] : -1;
    }

    @Override
    public boolean isAlive(int i) {
        try {
            return pids[i] > 0 && host.state(pids[i]) != ProcessState.GONE;
        } catch (HostException e) {
            return false;
        }
    }

    @Override
    public void kill(int i) throws ClusterException {
        calls.add("kill " + i);
        try {
            host.signal(pids[i], Signal.KILL);
            if (!host.awaitState(pids[i], Set.of(ProcessState.GONE), 2000)) {
                throw new ClusterException("node-" + i + " survived SIGKILL (test)");
            }
        } catch (HostException e) {
            throw new ClusterException(e.getMessage(), e);
        }
    }

    @Override
    public long restart(int i) throws ClusterException {
        calls.add("restart " + i);
        long t0 = System.nanoTime();
        try {
            pids[i] = starter.start(i);
        } catch (Exception e) {
            throw new ClusterException("cannot restart", e);
        }
        return (System.nanoTime() - t0) / 1_000_000L;
    }

    @Override
    public LinkControl links() {
        return links;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        // Whoever made the processes kills them.
    }
}
