package dev.quorumbench.cluster;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test double of a cluster, in two shapes. On a host: three nodes on one {@link Host} — with
 * {@link dev.quorumbench.host.LocalHost} real {@code sleep} processes (signals and pids are real), with
 * {@link dev.quorumbench.host.FakeHost} scripted pids — whose kills go through the host. Processless: nodes that
 * are only URLs (a fake store's), always alive, with no host. URLs are settable; kill/restart calls are recorded.
 */
public final class FakeCluster implements Cluster {

    /** Starts a stand-in for node i on the host and returns its pid. */
    @FunctionalInterface
    public interface Starter {
        long start(int node) throws Exception;
    }

    /** "kill i" and "restart i", in call order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** Each node's URL; tests point one at a node of their own. */
    public final String[] urls;
    /** Each node's pid on the host; -1 for processless nodes. */
    public final long[] pids;
    private final Host host;
    private final Starter starter;
    private final LinkControl links;
    private final Path workDir;
    private volatile boolean closed;

    /** Three nodes started on {@code host} by {@code starter}, at an unused URL until a test sets one. */
    public FakeCluster(Host host, Starter starter, LinkControl links, Path workDir) throws Exception {
        this.host = host;
        this.starter = starter;
        this.links = links;
        this.workDir = workDir;
        this.urls = new String[] {"http://127.0.0.1:1", "http://127.0.0.1:1", "http://127.0.0.1:1"};
        this.pids = new long[urls.length];
        for (int i = 0; i < pids.length; i++) {
            pids[i] = starter.start(i);
        }
    }

    /** Nodes without processes or host, one per URL (e.g. a fake store's), always alive; no links. */
    public FakeCluster(List<String> urls, Path workDir) {
        this.host = null;
        this.starter = null;
        this.links = null;
        this.workDir = workDir;
        this.urls = urls.toArray(String[]::new);
        this.pids = new long[this.urls.length];
        Arrays.fill(pids, -1);
    }

    @Override
    public int size() {
        return urls.length;
    }

    @Override
    public Host host(int i) {
        if (host == null) {
            throw new UnsupportedOperationException("a processless fake cluster has no host: no fault acts on it");
        }
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
        if (host == null) {
            return true;
        }
        try {
            return pids[i] > 0 && host.state(pids[i]) != ProcessState.GONE;
        } catch (HostException e) {
            return false;
        }
    }

    @Override
    public void kill(int i) throws ClusterException {
        calls.add("kill " + i);
        if (host == null) {
            return;
        }
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
        if (starter == null) {
            return 0;
        }
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

    /** Whether {@link #close()} was called. */
    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true; // whoever made the processes kills them
    }
}
