package dev.quorumbench.cluster;

import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import dev.quorumbench.host.HarnessProcess;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.JavaCommand;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A cluster of node processes started from a {@link TargetProfile} on one {@link Host} (today the local machine),
 * optionally wired through link proxies. Ports are reserved and proxies bound on the machine the harness runs on,
 * which is the node's host as long as that host is local.
 */
public final class ProcessCluster implements Cluster {

    /** Bound of one health probe (connect and answer): a node that is up answers its health in milliseconds. */
    private static final long HEALTH_PROBE_MS = 500;

    private final ClusterSpec spec;
    private final Host machine;
    private final NodeProcess[] nodes;
    private final ProxyLinks links;
    private final StoreProtocol healthProbe;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ProcessCluster(ClusterSpec spec, Host machine, NodeProcess[] nodes, ProxyLinks links,
                           StoreProtocol healthProbe) {
        this.spec = spec;
        this.machine = machine;
        this.nodes = nodes;
        this.links = links;
        this.healthProbe = healthProbe;
    }

    /** Starts proxies and nodes and waits until every node is healthy; on any failure nothing is left running. */
    static ProcessCluster start(ClusterSpec spec, Host machine) throws ClusterException {
        int n = spec.nodes();
        Path workDir = spec.workDir().toAbsolutePath();
        ProxyLinks links = null;
        NodeProcess[] nodes = new NodeProcess[n];
        // One protocol instance probes every node's health; its probes ask for their own connection each time.
        StoreProtocol healthProbe = StoreProtocols.forTarget(spec.profile().storeTarget(), HEALTH_PROBE_MS,
                HEALTH_PROBE_MS);
        try {
            Files.createDirectories(workDir);
            int[] ports;
            try (FreePorts reserved = FreePorts.reserve(spec.host(), n)) {
                ports = reserved.ports();
                links = spec.linkProxies() && n > 1 ? ProxyLinks.start(spec.host(), ports) : null;
            }
            JavaCommand java = machine.javaCommand();
            long harnessPid = HarnessProcess.pid();
            for (int i = 0; i < n; i++) {
                List<String> peers = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        peers.add(NodeVariables.url(spec.host(), links != null ? links.port(i, j) : ports[j]));
                    }
                }
                Map<String, String> values = NodeVariables.of(spec, i, ports[i], peers, database(workDir, i),
                        java.executable(), java.classpath(), harnessPid);
                NodeCommandLine profileLine = spec.profile().commandLine(values, System::getenv);
                List<String> argv = new ArrayList<>(profileLine.argv());
                argv.addAll(spec.extraNodeArgs());
                argv.addAll(spec.argsOf(i));
                Map<String, String> env = new LinkedHashMap<>(profileLine.env());
                env.putAll(spec.envOf(i));
                nodes[i] = new NodeProcess(i, machine, spec.host(), ports[i], spec.profile().healthPath(), healthProbe,
                        new NodeCommandLine(argv, env), workDir.resolve(NodeVariables.nodeId(i) + ".log"));
            }
        } catch (IOException e) {
            if (links != null) {
                links.close();
            }
            healthProbe.close();
            machine.close();
            throw new ClusterException("cannot prepare the cluster in " + workDir + ": " + e.getMessage(), e);
        } catch (ClusterException | RuntimeException e) {
            if (links != null) {
                links.close();
            }
            healthProbe.close();
            machine.close();
            throw e;
        }
        ProcessCluster f = new ProcessCluster(new ClusterSpec(spec.profile(), n, spec.quorumWrites(),
                spec.quorumTimeoutMs(), spec.extraNodeArgs(), spec.linkProxies(), spec.nodeEnv(), spec.nodeArgs(),
                workDir, spec.startTimeoutMs(), spec.host()), machine, nodes, links, healthProbe);
        OpenClusters.register(f); // before any process exists, so a SIGINT during startup cleans up too
        try {
            for (NodeProcess node : nodes) {
                node.start();
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(spec.startTimeoutMs());
            for (NodeProcess node : nodes) {
                node.awaitHealthy(deadline);
            }
            return f;
        } catch (ClusterException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    public ClusterSpec spec() {
        return spec;
    }

    @Override
    public int size() {
        return nodes.length;
    }

    @Override
    public Host host(int i) {
        return node(i).machine();
    }

    @Override
    public String nodeUrl(int i) {
        return node(i).url();
    }

    @Override
    public long pid(int i) {
        return node(i).pid();
    }

    @Override
    public boolean isAlive(int i) {
        return node(i).isAlive();
    }

    @Override
    public void kill(int i) throws ClusterException {
        checkOpen();
        node(i).kill();
    }

    @Override
    public long restart(int i) throws ClusterException {
        checkOpen();
        NodeProcess node = node(i);
        long t0 = System.nanoTime();
        if (node.isAlive()) {
            node.kill();
        }
        node.start();
        try {
            node.awaitHealthy(t0 + TimeUnit.MILLISECONDS.toNanos(spec.startTimeoutMs()));
        } catch (ClusterException e) {
            node.kill();
            throw new ClusterException("restart failed: " + e.getMessage(), e);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    @Override
    public LinkControl links() {
        return links;
    }

    @Override
    public Path workDir() {
        return spec.workDir();
    }

    @Override
    public Path nodeLog(int i) {
        return node(i).log();
    }

    @Override
    public Set<String> capabilities() {
        return spec.profile().capabilities();
    }

    /**
     * Wakes, kills and reaps every node, stops every proxy and deletes the node databases (logs stay);
     * safe to call twice and from the shutdown hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            for (NodeProcess node : nodes) {
                node.continueIfAlive(); // a SIGSTOPped node must not stay behind stopped
            }
            for (NodeProcess node : nodes) {
                try {
                    node.kill();
                } catch (ClusterException ignored) {
                    // keep cleaning the other nodes; a node that outlives SIGKILL cannot be helped here
                }
            }
            if (links != null) {
                links.close();
            }
            for (int i = 0; i < nodes.length; i++) {
                deleteDatabase(spec.workDir(), i);
            }
        } finally {
            healthProbe.close();
            machine.close();
            OpenClusters.unregister(this);
        }
    }

    static Path database(Path workDir, int i) {
        return workDir.resolve(NodeVariables.nodeId(i) + ".db");
    }

    /** Deletes node-i.db and its companions (-wal, -shm, -journal), files or directories. */
    private static void deleteDatabase(Path workDir, int i) {
        String prefix = NodeVariables.nodeId(i) + ".db";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(workDir, prefix + "*")) {
            for (Path p : ds) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(q);
                    }
                }
            }
        } catch (IOException ignored) {
            // best effort: a leftover database in the work directory is harmless and visible
        }
    }

    private NodeProcess node(int i) {
        if (i < 0 || i >= nodes.length) {
            throw new IllegalArgumentException("no node " + i + " in a cluster of " + nodes.length);
        }
        return nodes[i];
    }

    private void checkOpen() throws ClusterException {
        if (closed.get()) {
            throw new ClusterException("the cluster is closed");
        }
    }
}
