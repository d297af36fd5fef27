package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.LocalHost;
import dev.quorumbench.host.Signal;
import dev.quorumbench.time.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spawns fake node processes (FakeNode) and checks start, kill, restart, close and failure handling. */
@Tag("process")
class ClusterProcessTest {

    @TempDir
    Path dir;
    private final List<Cluster> started = new ArrayList<>();
    private final List<ProcessHandle> spawned = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(Cluster::close);
        for (ProcessHandle h : spawned) {
            h.destroyForcibly();
        }
        // whatever a test got wrong, no fake node outlives it
        ProcessHandle.current().descendants().filter(h -> commandLine(h).contains(dir.toString()))
                .forEach(ProcessHandle::destroyForcibly);
    }

    static TargetProfile fakeProfile() {
        return TargetProfile.resolve(Path.of("src", "test", "resources", "targets", "fake.json").toString());
    }

    private ClusterSpec.Builder spec() {
        return ClusterSpec.builder(fakeProfile(), dir).startTimeoutMs(30_000);
    }

    private Cluster start(ClusterSpec spec) throws ClusterException {
        Cluster f = Clusters.start(spec);
        started.add(f);
        return f;
    }

    static String get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(2000);
        try {
            assertEquals(200, c.getResponseCode(), url);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                return r.readLine();
            }
        } finally {
            c.disconnect();
        }
    }

    /** The argv from /proc (ProcessHandle.Info drops the arguments of long command lines). */
    private static String[] argv(ProcessHandle h) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline"), StandardCharsets.UTF_8);
            return raw.isEmpty() ? new String[0] : raw.split("\0");
        } catch (IOException e) {
            return new String[0];
        }
    }

    private static String commandLine(ProcessHandle h) {
        return String.join(" ", argv(h));
    }

    /** The value after {@code flag} in a node's command line. */
    private static String argOf(ProcessHandle h, String flag) {
        String[] args = argv(h);
        for (int k = 0; k + 1 < args.length; k++) {
            if (args[k].equals(flag)) {
                return args[k + 1];
            }
        }
        throw new AssertionError(flag + " missing from " + String.join(" ", args));
    }

    private List<ProcessHandle> fakeNodesUnder(Path d) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(h -> commandLine(h).contains("FakeNode") && commandLine(h).contains(d.toString())).toList();
    }

    private static void awaitGone(List<ProcessHandle> handles, long ms) {
        assertTrue(Await.until(() -> handles.stream().noneMatch(ProcessHandle::isAlive), ms, 20),
                "processes still alive: " + handles);
    }

    @Test
    void startsThreeHealthyNodesWhosePeersAreTheLinkProxies() throws Exception {
        Cluster f = start(spec().nodeEnv(1, Map.of("FAKE_MARKER", "custom"))
                .nodeArgs(2, List.of("--extra-flag", "x")).build());
        assertEquals(3, f.size());
        LinkControl links = f.links();
        for (int i = 0; i < 3; i++) {
            assertTrue(f.isAlive(i));
            ProcessHandle h = ProcessHandle.of(f.pid(i)).orElseThrow();
            assertTrue(h.info().command().orElse("").endsWith("java"), "the pid must be the node's JVM itself");
            assertTrue(commandLine(h).contains("FakeNode"), commandLine(h));
            String health = get(f.nodeUrl(i) + "/api/v1/health");
            assertTrue(health.contains("\"node_id\":\"node-" + i + "\""), health);
            assertTrue(health.contains(i == 1 ? "\"marker\":\"custom\"" : "\"marker\":\"index-" + i + "\""), health);
            List<String> expectedPeers = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    expectedPeers.add("http://127.0.0.1:" + links.port(i, j));
                    String viaProxy = get("http://127.0.0.1:" + links.port(i, j) + "/api/v1/health");
                    assertTrue(viaProxy.contains("\"node_id\":\"node-" + j + "\""), viaProxy);
                }
            }
            assertEquals(String.join(",", expectedPeers), argOf(h, "--quorum-peers"));
            assertEquals(Long.toString(ProcessHandle.current().pid()), argOf(h, "--parent-pid"));
            assertEquals(dir.resolve("node-" + i + ".db").toString(), argOf(h, "--db"));
            assertTrue(Files.exists(dir.resolve("node-" + i + ".db")));
            assertTrue(Files.readString(f.nodeLog(i)).contains("listening on"));
        }
        assertEquals("x", argOf(ProcessHandle.of(f.pid(2)).orElseThrow(), "--extra-flag"));
        assertEquals(3, fakeNodesUnder(dir).size(), "the leak check used by the other tests sees the nodes");
        assertTrue(f.capabilities().contains("clock-offset"));
    }

    @Test
    void killThenRestartOnTheSamePortAndDatabase() throws Exception {
        Cluster f = start(spec().build());
        String url = f.nodeUrl(0);
        long oldPid = f.pid(0);
        ProcessHandle old = ProcessHandle.of(oldPid).orElseThrow();

        f.kill(0);
        assertFalse(old.isAlive());
        assertFalse(f.isAlive(0));
        assertEquals(-1, f.pid(0));

        long recoveryMs = f.restart(0);
        System.out.println("fake node restart: healthy after " + recoveryMs + " ms");
        assertTrue(recoveryMs > 0 && recoveryMs < 30_000, "recovery " + recoveryMs);
        assertTrue(f.isAlive(0));
        assertNotEquals(oldPid, f.pid(0));
        assertEquals(url, f.nodeUrl(0));
        assertTrue(get(url + "/api/v1/health").contains("node-0"));
        // the peers' proxies reach the restarted node without being rewired
        assertTrue(get("http://127.0.0.1:" + f.links().port(1, 0) + "/api/v1/health").contains("node-0"));
        assertEquals(dir.resolve("node-0.db").toString(), argOf(ProcessHandle.of(f.pid(0)).orElseThrow(), "--db"));
        String log = Files.readString(f.nodeLog(0));
        assertEquals(2, log.split("=== quorumbench ", -1).length - 1, "both starts are in the one log");
    }

    @Test
    void killAndCloseWorkOnStoppedNodes() throws Exception {
        Cluster f = start(spec().build());
        ProcessHandle one = ProcessHandle.of(f.pid(1)).orElseThrow();
        ProcessHandle two = ProcessHandle.of(f.pid(2)).orElseThrow();
        LocalHost.get().signal(one.pid(), Signal.STOP);
        LocalHost.get().signal(two.pid(), Signal.STOP);
        f.kill(1); // SIGKILL ends a stopped process
        assertFalse(one.isAlive());
        f.close(); // node 2 is still stopped: close wakes and kills it
        assertFalse(two.isAlive());
    }

    @Test
    void closeLeavesNoProcessNoProxyAndNoDatabaseButKeepsLogs() throws Exception {
        Cluster f = start(spec().build());
        List<ProcessHandle> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(ProcessHandle.of(f.pid(i)).orElseThrow());
        }
        int proxyPort = f.links().port(0, 1);
        f.close();
        f.close();
        awaitGone(nodes, 1);
        assertTrue(fakeNodesUnder(dir).isEmpty());
        assertFalse(nodes.isEmpty());
        for (int i = 0; i < 3; i++) {
            assertFalse(f.isAlive(i));
            assertFalse(Files.exists(dir.resolve("node-" + i + ".db")));
            assertFalse(Files.exists(dir.resolve("node-" + i + ".db-wal")));
            assertTrue(Files.exists(dir.resolve("node-" + i + ".log")));
        }
        assertThrows(IOException.class, () -> new java.net.Socket("127.0.0.1", proxyPort).close());
        assertThrows(ClusterException.class, () -> f.restart(0));
        ProxyLinks links = (ProxyLinks) f.links();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertTrue(i == j || links.proxy(i, j).isTerminated(), "proxy " + i + "→" + j + " still running");
            }
        }
    }

    @Test
    void aNodeThatExitsAtOnceFailsTheStartWithItsLogAndNothingLeft() {
        int open = OpenClusters.count();
        long t0 = System.currentTimeMillis();
        ClusterException e = assertThrows(ClusterException.class,
                () -> start(spec().extraNodeArgs(List.of("--exit-now", "7")).build()));
        System.out.println("exits-at-once start failed after " + (System.currentTimeMillis() - t0) + " ms: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("exited with code 7 before it was healthy"), e.getMessage());
        assertTrue(e.getMessage().contains("failing on purpose"), "the log tail is in the message: " + e.getMessage());
        assertTrue(fakeNodesUnder(dir).isEmpty());
        assertEquals(open, OpenClusters.count());
    }

    @Test
    void aNodeThatNeverBecomesHealthyFailsWithinTheStartTimeout() {
        long t0 = System.currentTimeMillis();
        ClusterException e = assertThrows(ClusterException.class,
                () -> start(spec().startTimeoutMs(2500).extraNodeArgs(List.of("--never-healthy")).build()));
        long took = System.currentTimeMillis() - t0;
        assertTrue(took < 2500 + 5000 + 1000, "took " + took + " ms");
        assertTrue(e.getMessage().contains("did not answer http://127.0.0.1:"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(fakeNodesUnder(dir).isEmpty());
    }

    @Test
    void aCommandThatCannotRunFailsAtOnce() {
        TargetProfile missing = TargetProfile.parse("{\"command\":[\"" + dir.resolve("no-such-node") + "\",\"--port\",\"${port}\"]}",
                "missing", "test");
        ClusterException e = assertThrows(ClusterException.class,
                () -> start(ClusterSpec.builder(missing, dir).startTimeoutMs(5000).build()));
        assertTrue(e.getMessage().startsWith("cannot start node-0 ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aiMemoryWithoutItsBinaryFailsWithOneLine() {
        Assumptions.assumeTrue(System.getenv("AI_MEMORY_BIN") == null, "AI_MEMORY_BIN is set in this environment");
        ClusterException e = assertThrows(ClusterException.class,
                () -> start(ClusterSpec.builder(TargetProfile.resolve("ai-memory"), dir).build()));
        assertTrue(e.getMessage().startsWith("AI_MEMORY_BIN is not set"), e.getMessage());
    }

    @Test
    void aHarnessStoppedBySigintOrKilledLeavesNoNode() throws Exception {
        for (String signal : List.of("INT", "KILL")) {
            Path work = Files.createDirectories(dir.resolve("holder-" + signal));
            Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ClusterHolder.class.getName(),
                    Path.of("src", "test", "resources", "targets", "fake.json").toString(), work.toString())
                    .redirectErrorStream(true).start();
            spawned.add(holder.toHandle());
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = readLineWithin(out, 60_000);
            assertTrue(line != null && line.startsWith("pids "), "holder said: " + line);
            List<ProcessHandle> nodes = new ArrayList<>();
            for (String pid : line.substring(5).split(" ")) {
                nodes.add(ProcessHandle.of(Long.parseLong(pid)).orElseThrow());
            }
            assertEquals(3, nodes.size());
            LocalHost.get().signal(holder.pid(), Signal.valueOf(signal));
            assertTrue(holder.waitFor(15, TimeUnit.SECONDS), "the holder JVM did not exit on SIG" + signal);
            // SIGINT: the shutdown hook closes the cluster; SIGKILL: each node sees its --parent-pid die
            awaitGone(nodes, 10_000);
        }
    }

    private static String readLineWithin(BufferedReader r, long ms) throws Exception {
        java.util.concurrent.CompletableFuture<String> f = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = r.readLine()) != null) {
                    if (l.startsWith("pids ")) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        return f.get(ms, TimeUnit.MILLISECONDS);
    }
}
