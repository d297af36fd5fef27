package dev.quorumbench.cluster;

import dev.quorumbench.host.HarnessProcess;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.JavaCommand;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
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
 * A cluster of node processes started from a {@link TargetProfile}: either all on one {@link Host} (the local
 * machine), optionally wired through link proxies whose ports are reserved and bound on this machine, or each on
 * the host a {@code hosts} profile places it on ({@link NodeSite}), reached directly.
 */
public final class ProcessCluster implements Cluster {

    /** Bound of one health probe (connect and answer): a node that is up answers its health in milliseconds. */
    private static final long HEALTH_PROBE_MS = 500;

    private final ClusterSpec spec;
    private final NodeProcess[] nodes;
    private final ProxyLinks links;
    private final StoreProtocol healthProbe;
    private final boolean placed;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ProcessCluster(ClusterSpec spec, NodeProcess[] nodes, ProxyLinks links, StoreProtocol healthProbe,
                           boolean placed) {
        this.spec = spec;
        this.nodes = nodes;
        this.links = links;
        this.healthProbe = healthProbe;
        this.placed = placed;
    }

    /**
     * Starts proxies and nodes on {@code machine} and waits until every node is healthy; on any failure nothing is
     * left running.
     */
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
            List<NodeAddress> members = new ArrayList<>();
            // Two ports per node: its API port, and the peer port a store like etcd gives its members (${peer_port}).
            try (FreePorts reserved = FreePorts.reserve(spec.host(), 2 * n)) {
                int[] all = reserved.ports();
                ports = java.util.Arrays.copyOf(all, n);
                for (int i = 0; i < n; i++) {
                    members.add(new NodeAddress(spec.host(), all[n + i]));
                }
                links = spec.linkProxies() && n > 1 ? ProxyLinks.start(spec.host(), ports) : null;
            }
            JavaCommand java = machine.javaCommand();
            for (int i = 0; i < n; i++) {
                List<String> peers = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        peers.add(NodeVariables.url(spec.host(), links != null ? links.port(i, j) : ports[j]));
                    }
                }
                Map<String, String> values = NodeVariables.of(spec, i, spec.host(), ports[i], peers, members,
                        database(workDir, i), java.executable(), java.classpath(), HarnessProcess.pid());
                nodes[i] = new NodeProcess(i, machine, NodeVariables.url(spec.host(), ports[i]),
                        spec.profile().healthPath(), healthProbe, commandLine(spec, i, values),
                        workDir.resolve(NodeVariables.nodeId(i) + ".log"));
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
        return launch(spec.withWorkDir(workDir), nodes, links, healthProbe, false);
    }

    /**
     * Starts node i of a {@code hosts} profile on {@code hosts.get(i)}, where its profile entry places it (its
     * address, port, data directory), peers reaching each other directly: no link proxies, since they would route
     * the nodes' traffic through the harness's machine.
     */
    static ProcessCluster startPlaced(ClusterSpec spec, List<Host> hosts) throws ClusterException {
        List<NodeSite> sites = spec.profile().sites();
        if (spec.nodes() != sites.size()) {
            throw new ClusterException("the profile places " + sites.size() + " nodes but the campaign wants "
                    + spec.nodes());
        }
        Path workDir = spec.workDir().toAbsolutePath();
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new ClusterException("cannot prepare " + workDir + ": " + e.getMessage(), e);
        }
        StoreProtocol healthProbe = StoreProtocols.forTarget(spec.profile().storeTarget(), HEALTH_PROBE_MS,
                HEALTH_PROBE_MS);
        NodeProcess[] nodes = new NodeProcess[sites.size()];
        List<NodeAddress> members = sites.stream().map(s -> new NodeAddress(s.address(), s.peerPort())).toList();
        try {
            for (int i = 0; i < sites.size(); i++) {
                NodeSite site = sites.get(i);
                List<String> peers = new ArrayList<>();
                for (int j = 0; j < sites.size(); j++) {
                    if (j != i) {
                        peers.add(NodeVariables.url(sites.get(j).address(), sites.get(j).port()));
                    }
                }
                Map<String, String> values = NodeVariables.of(spec, i, site.address(), site.port(), peers, members,
                        site.database(i), site.java().executable(), site.java().classpath(), HarnessProcess.pid());
                nodes[i] = new NodeProcess(i, hosts.get(i), site.apiUrl(), spec.profile().healthPath(), healthProbe,
                        commandLine(spec, i, values), site.log(i));
            }
        } catch (ClusterException | RuntimeException e) {
            healthProbe.close();
            throw e;
        }
        return launch(spec.withWorkDir(workDir), nodes, null, healthProbe, true);
    }

    private static NodeCommandLine commandLine(ClusterSpec spec, int i, Map<String, String> values)
            throws ClusterException {
        NodeCommandLine profileLine = spec.profile().commandLine(values, System::getenv);
        List<String> argv = new ArrayList<>(profileLine.argv());
        argv.addAll(spec.extraNodeArgs());
        argv.addAll(spec.argsOf(i));
        Map<String, String> env = new LinkedHashMap<>(profileLine.env());
        env.putAll(spec.envOf(i));
        return new NodeCommandLine(argv, env);
    }

    private static ProcessCluster launch(ClusterSpec spec, NodeProcess[] nodes, ProxyLinks links,
                                         StoreProtocol healthProbe, boolean placed) throws ClusterException {
        ProcessCluster f = new ProcessCluster(spec, nodes, links, healthProbe, placed);
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
    public java.util.Optional<NodeAddress> peerAddress(int i) {
        node(i);
        if (!placed) {
            return java.util.Optional.empty();
        }
        NodeSite site = spec.profile().sites().get(i);
        return java.util.Optional.of(new NodeAddress(site.address(), site.port()));
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
                if (placed) {
                    deleteRemoteDatabase(i);
                } else {
                    deleteDatabase(spec.workDir(), i);
                }
            }
        } finally {
            healthProbe.close();
            // The hosts were opened for this cluster (Clusters#hostOf, #connectAll): release their sessions.
            java.util.Arrays.stream(nodes).map(NodeProcess::machine).distinct().forEach(Host::close);
            OpenClusters.unregister(this);
        }
    }

    static Path database(Path workDir, int i) {
        return workDir.resolve(NodeVariables.nodeId(i) + ".db");
    }

    /**
     * Deletes node-i.db and its companions on the node's host: exactly the paths the harness named (node-i.db may be
     * a store's data directory), never the data directory itself, since on a real host it may hold anything.
     */
    private void deleteRemoteDatabase(int i) {
        String db = spec.profile().sites().get(i).database(i).toString();
        try {
            // -r: a store such as etcd keeps a directory there (its --data-dir is ${db}).
            nodes[i].machine().run(List.of("rm", "-rf", "--", db, db + "-wal", db + "-shm", db + "-journal"), null,
                    5000);
        } catch (HostException ignored) {
            // best effort, as for a local database: the next trial starts a node on whatever is left
        }
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
