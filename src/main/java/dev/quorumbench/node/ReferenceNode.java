package dev.quorumbench.node;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One running federation node: wires store, replication, sync daemon and HTTP server, and stops them in order. */
public final class ReferenceNode implements AutoCloseable {
    private static final int HTTP_THREADS = 64;
    private static final int HTTP_QUEUE = 1024;
    /** Sync calls may carry a full page; give them at least a second even with a tiny quorum timeout. */
    private static final long MIN_SYNC_TIMEOUT_MS = 1_000;

    static {
        // The JDK server writes headers and body separately; with Nagle on, the body waits for the client's
        // delayed ACK and every answer costs ~40 ms. Read once, when the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final NodeConfig config;
    private final Consumer<String> log;
    private final NodeClock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private MemoryStore store;
    private PeerClient pushClient;
    private PeerClient syncClient;
    private Replicator replicator;
    private UnsafeAckQueue unsafeQueue;
    private DequeueBeforePush dequeueBeforePush;
    private SyncDaemon syncDaemon;
    private ParentWatcher parentWatcher;
    private HttpServer server;
    private ThreadPoolExecutor httpWorkers;

    private ReferenceNode(NodeConfig config, Consumer<String> log, NodeClock clock) {
        this.config = config;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Opens the database and starts serving.
     *
     * @param log receives one terse line per node event (the cli sends them to stderr)
     * @throws IllegalArgumentException when the parent process to watch is not running
     */
    public static ReferenceNode start(NodeConfig config, Consumer<String> log) throws IOException, SQLException {
        return start(config, log, new NodeClock());
    }

    /** Starts with a given clock (tests skew a node's clock from its first moment). */
    static ReferenceNode start(NodeConfig config, Consumer<String> log, NodeClock clock)
            throws IOException, SQLException {
        Path nativeDir = SqliteNativeDir.useBeside(config.db());
        ReferenceNode node = new ReferenceNode(config, log, clock);
        try {
            node.startAll();
        } catch (IOException | SQLException | RuntimeException e) {
            node.close();
            SqliteNativeDir.removeCreated(nativeDir);
            throw e;
        }
        return node;
    }

    private void startAll() throws IOException, SQLException {
        if (config.parentPid() > 0) {
            parentWatcher = new ParentWatcher(config.parentPid(), () -> {
                log.accept("parent process " + config.parentPid() + " died; stopping");
                // Not on the watcher's own thread: close() shuts that thread's executor down.
                new Thread(this::close, "parent-died-stop").start();
            });
        }
        for (String flag : config.unsafeFlags()) {
            log.accept("WARNING unsafe validation aid enabled: --" + flag.replaceFirst("=.*", "")
                    + " (this node does not keep its promises; for harness validation only)");
        }
        store = MemoryStore.open(config.db());
        pushClient = new PeerClient(config.quorumTimeoutMs(), 64);
        syncClient = new PeerClient(Math.max(MIN_SYNC_TIMEOUT_MS, config.quorumTimeoutMs()), 4);
        replicator = new Replicator(config.nodeId(), config.peers(), pushClient, config.fanoutQuorum());
        if (config.unsafeAckBeforeCommit()) {
            unsafeQueue = new UnsafeAckQueue(store, replicator, log);
            unsafeQueue.start();
        }
        if (config.unsafeDequeueBeforePush()) {
            dequeueBeforePush = new DequeueBeforePush(store, replicator, config.quorumTimeoutMs(), log);
            dequeueBeforePush.start();
        }
        WriteService writes = new WriteService(store, replicator, clock, config, unsafeQueue, dequeueBeforePush);
        MemoriesEndpoints memories = new MemoriesEndpoints(writes, store, config.maxBodyBytes(),
                config.extraLatencyMs());
        SyncEndpoints sync = new SyncEndpoints(store);
        Router router = new Router(log)
                .on("GET", "/api/v1/health", new HealthEndpoint(config, clock, store))
                .on("POST", "/api/v1/memories", memories::create)
                .on("GET", "/api/v1/memories", memories::list)
                .on("POST", "/api/v1/sync/push", sync::push)
                .on("GET", "/api/v1/sync/since", sync::since);
        if (config.allowClockOffset()) {
            router.on("POST", "/api/v1/admin/clock-offset", new ClockOffsetEndpoint(clock, log));
        }
        httpWorkers = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(HTTP_QUEUE), Replicator.daemonThreads("http"),
                // A full queue slows the accept loop down instead of dropping connections.
                new ThreadPoolExecutor.CallerRunsPolicy());
        httpWorkers.allowCoreThreadTimeOut(true);
        limitRequestTime(config);
        server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
        server.createContext("/", router);
        server.setExecutor(httpWorkers);
        server.start();
        if (!config.unsafeNoSync() && !config.peers().isEmpty()) {
            syncDaemon = new SyncDaemon(config.peers(), store, syncClient, clock, config.syncIntervalMs(),
                    config.unsafeSyncWallclock(), log);
            syncDaemon.start();
        }
        log.accept("started node_id=" + config.nodeId() + " listen=" + config.host() + ":" + port()
                + " W=" + config.quorumWrites() + " peers=" + config.peers() + " quorum_timeout_ms="
                + config.quorumTimeoutMs() + " db=" + config.db() + " memories=" + store.count()
                + " unsafe=" + config.unsafeFlags());
    }

    /**
     * Bounds how long one exchange may hold a worker thread. The JDK server reads a request on a worker thread, so
     * 64 clients that send half a request and fall silent took all 64 and the node stopped answering, health
     * included (issue 11). Past this time the server's timer closes the connection, which frees the thread. It
     * counts until the answer is sent, so it leaves room for the quorum wait and the unsafe extra latency.
     * Read once, when the JVM's first HttpServer is created (a node process creates it here first).
     */
    static long limitRequestTime(NodeConfig config) {
        long seconds = (config.quorumTimeoutMs() + config.extraLatencyMs()) / 1000 + REQUEST_TIME_MARGIN_S;
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(seconds));
        }
        return seconds;
    }

    /** Beyond the quorum wait: a request body at loopback speed and a busy machine. */
    private static final long REQUEST_TIME_MARGIN_S = 5;

    /** The bound port (useful with {@code --port 0}). */
    public int port() {
        return server.getAddress().getPort();
    }

    public NodeClock clock() {
        return clock;
    }

    /** Blocks until the node has been stopped (SIGTERM, parent death or {@link #close()}). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops serving, stops the daemons and closes the database; safe to call more than once. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (parentWatcher != null) {
                parentWatcher.close();
            }
            if (server != null) {
                server.stop(0);
            }
            if (httpWorkers != null) {
                httpWorkers.shutdown();
                awaitQuietly(httpWorkers);
            }
            // Close the sync client first: it aborts a pull blocked on a hung peer, which an interrupt cannot.
            if (syncClient != null) {
                syncClient.close();
            }
            if (syncDaemon != null) {
                syncDaemon.close();
            }
            if (dequeueBeforePush != null) {
                dequeueBeforePush.close();
            }
            if (unsafeQueue != null) {
                unsafeQueue.close();
            }
            if (replicator != null) {
                replicator.close();
            }
            if (pushClient != null) {
                pushClient.close();
            }
            if (store != null) {
                store.close();
            }
            if (server != null) {
                log.accept("stopped node_id=" + config.nodeId());
            }
        } finally {
            stopped.countDown();
        }
    }

    private static void awaitQuietly(ThreadPoolExecutor pool) {
        try {
            pool.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
