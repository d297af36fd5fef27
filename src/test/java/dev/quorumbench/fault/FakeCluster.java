package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.LinkControl;
import dev.quorumbench.cluster.ClusterException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Test double of a three-node cluster whose nodes are real {@code sleep} processes (so signals and pids are
 * real), with configurable URLs and links; records kill/restart calls and can be told to fail them.
 */
final class FakeCluster implements Cluster {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final String[] urls = {"http://127.0.0.1:1", "http://127.0.0.1:1", "http://127.0.0.1:1"};
    final Process[] nodes = new Process[3];
    /** kill() throws without killing. */
    volatile boolean killFailsBeforeSignal;
    /** kill() kills, then throws anyway (as a bounded wait that timed out would). */
    volatile boolean killFailsAfterSignal;
    private final Spawn spawn;
    private final LinkControl links;
    private final Path workDir;

    FakeCluster(Spawn spawn, LinkControl links, Path workDir) throws IOException {
        this.spawn = spawn;
        this.links = links;
        this.workDir = workDir;
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = spawn.sleep();
        }
    }

    @Override
    public int size() {
        return nodes.length;
    }

    @Override
    public String nodeUrl(int i) {
        return urls[i];
    }

    @Override
    public long pid(int i) {
        return nodes[i] != null && nodes[i].isAlive() ? nodes[i].pid() : -1;
    }

    @Override
    public boolean isAlive(int i) {
        return nodes[i] != null && nodes[i].isAlive();
    }

    @Override
    public void kill(int i) throws ClusterException {
        calls.add("kill " + i);
        if (killFailsBeforeSignal) {
            throw new ClusterException("kill refused (test)");
        }
        nodes[i].destroyForcibly();
        try {
            nodes[i].waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (killFailsAfterSignal) {
            throw new ClusterException("kill wait timed out (test)");
        }
    }

    @Override
    public long restart(int i) throws ClusterException {
        calls.add("restart " + i);
        long t0 = System.nanoTime();
        try {
            nodes[i] = spawn.sleep();
        } catch (IOException e) {
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
        // Spawn kills the processes.
    }
}
