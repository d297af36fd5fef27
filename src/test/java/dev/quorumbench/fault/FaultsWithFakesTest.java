package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.quorumbench.cluster.FakeCluster;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import dev.quorumbench.net.LinkMode;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fault's inject→heal and heal-after-failed-inject against a fake cluster on the local host whose nodes are
 * real spawned processes and whose links are real loopback listeners, so signals, probes and clocks are the real
 * thing. (The same faults against a scripted host, without processes: {@code FaultsOnFakeHostTest}.)
 */
@Tag("process")
class FaultsWithFakesTest {

    @TempDir
    Path dir;

    private static final LocalHost LOCAL = LocalHost.get();

    private Spawn spawn;
    private FakeLinks links;
    private FakeCluster fed;

    @BeforeEach
    void start() throws Exception {
        spawn = new Spawn();
        links = new FakeLinks(3);
        fed = new FakeCluster(LOCAL, i -> spawn.sleep().pid(), links, dir);
    }

    @AfterEach
    void stop() {
        links.close();
        spawn.close();
    }

    private Fault bind(String fault, String mechanism) throws FaultException {
        return Plans.local(FaultClass.fromKey(fault), mechanism, new FaultOptions(100, 60_000, 0.5, 7, TargetCapabilities.CLOCK_OFFSET, dir))
                .bind(fed);
    }

    @Test
    void killSigkillsNodeZerosPidAndHealRestartsIt() throws Exception {
        Fault f = bind("kill_primary_mid_write", null);
        long pid = fed.pid(0);
        f.inject();
        assertEquals(ProcessState.GONE, LOCAL.state(pid), "the OS has no process " + pid);
        Map<String, Long> m = f.heal();
        assertEquals(List.of("kill 0", "restart 0"), fed.calls);
        assertTrue(m.containsKey("recovery_ms") && m.get("killed_pid") == pid, m.toString());
        assertNotEquals(pid, fed.pid(0));
        assertTrue(f.heal().isEmpty(), "heal is idempotent: nothing to restart twice");
        assertEquals(2, fed.calls.size());
        assertEquals(0, f.windowMs());
    }

    @Test
    void proxyBlackholeCutsNodeZerosLinksAndVerifiesBothWays() throws Exception {
        Fault f = bind("partition_minority", null);
        f.inject();
        assertEquals(List.of("blackhole 0 1", "blackhole 1 0", "blackhole 0 2", "blackhole 2 0"), links.calls);
        assertEquals(LinkMode.FORWARD, links.mode(1, 2), "node-1↔node-2 untouched");
        f.heal();
        assertEquals("healAll", links.calls.get(4));
        assertEquals(LinkMode.FORWARD, links.mode(0, 1));
    }

    @Test
    void proxyBlackholeThatDidNotTakeFailsInjectAndHealStillRuns() throws Exception {
        links.broken = true;
        FaultOutcome o = FaultCycle.run(bind("partition_minority", null));
        assertFalse(o.injected());
        assertTrue(o.injectError().contains("still answered"), o.injectError());
        assertTrue(links.calls.contains("healAll"));
        assertTrue(o.healed());
    }

    @Test
    void partitionWithoutLinkProxiesFailsInject() throws Exception {
        FakeCluster bare = new FakeCluster(LOCAL, i -> spawn.sleep().pid(), null, dir);
        Fault f = Plans.local(FaultClass.PARTITION_MINORITY, null, FaultOptions.defaults(dir, TargetCapabilities.NONE)).bind(bare);
        FaultException e = assertThrows(FaultException.class, f::inject);
        assertTrue(e.getMessage().contains("without link proxies"), e.getMessage());
    }

    @Test
    void sigstopFreezesNodeOneAndHealContinuesIt() throws Exception {
        Fault f = bind("drop_random_acks", null);
        long pid = fed.pid(1);
        f.inject();
        assertEquals(ProcessState.STOPPED, LOCAL.state(pid));
        Map<String, Long> m = f.heal();
        assertEquals(ProcessState.RUNNING, LOCAL.state(pid));
        assertTrue(m.containsKey("paused_ms"));
        assertTrue(f.heal().isEmpty(), "a second heal has nothing to continue");
        assertEquals(ProcessState.RUNNING, LOCAL.state(fed.pid(0)), "node-0 never stopped");
    }

    @Test
    void sigstopHealContinuesNodeOneEvenWhenInjectFailedAfterTheSignal() throws Exception {
        // Stopped behind the fault's back, as if inject's verification had failed after SIGSTOP: heal must CONT.
        long pid = fed.pid(1);
        LOCAL.signal(pid, Signal.STOP);
        assertTrue(LOCAL.awaitState(pid, Set.of(ProcessState.STOPPED), 1000));
        Fault f = bind("drop_random_acks", null);
        f.heal();
        assertEquals(ProcessState.RUNNING, LOCAL.state(pid));
    }

    @Test
    void sigstopOfAMissingNodeFailsAndHealIsHarmless() throws Exception {
        LOCAL.signal(fed.pids[1], Signal.KILL);
        assertTrue(LOCAL.awaitState(fed.pids[1], Set.of(ProcessState.GONE), 2000));
        FaultOutcome o = FaultCycle.run(bind("drop_random_acks", null));
        assertFalse(o.injected());
        assertTrue(o.healed(), String.valueOf(o.healError()));
    }

    @Test
    void proxyDropAcksDropsOnZeroToOneAndReportsTheCount() throws Exception {
        Fault f = bind("drop_random_acks", "proxy-drop-acks");
        f.inject();
        f.inject();
        assertEquals(List.of("dropResponses 0 1 0.5 7", "dropResponses 0 1 0.5 8"), links.calls,
                "the seed varies per cycle, reproducibly");
        links.droppedToReport = 13;
        assertEquals(Map.of("dropped_responses", 13L), f.heal());
        assertEquals(LinkMode.FORWARD, links.mode(0, 1));
    }

    @Test
    void proxyDropAcksThatDidNotTakeFailsInject() throws Exception {
        links.broken = true;
        FaultOutcome o = FaultCycle.run(bind("drop_random_acks", "proxy-drop-acks"));
        assertFalse(o.injected());
        assertTrue(o.injectError().contains("mode FORWARD"), o.injectError());
        assertTrue(links.calls.contains("healAll"));
    }

    @Test
    void nodeOffsetSkewIsMeasuredAndRemoved() throws Exception {
        AtomicLong offset = new AtomicLong();
        List<Long> posted = new CopyOnWriteArrayList<>();
        HttpServer node = clockNode(offset, posted);
        try {
            fed.urls[1] = "http://127.0.0.1:" + node.getAddress().getPort();
            Fault f = bind("clock_skew_peer", "node-offset");
            f.inject();
            assertEquals(60_000, offset.get());
            Map<String, Long> m = f.heal();
            assertEquals(0, offset.get());
            assertEquals(List.of(60_000L, 0L), posted);
            assertTrue(Math.abs(m.get("measured_skew_ms") - 60_000) <= 250, m.toString());
            assertTrue(Math.abs(m.get("residual_skew_ms")) <= 250, m.toString());
        } finally {
            node.stop(0);
        }
    }

    @Test
    void libfaketimeSkewsARealJvmAndHealRemovesIt() throws Exception {
        Assumptions.assumeTrue(LibFaketime.locate(LOCAL).isPresent(), "libfaketime is not installed");
        FaultPlan plan = Plans.local(FaultClass.CLOCK_SKEW_PEER, null, FaultOptions.defaults(dir, TargetCapabilities.NONE));
        int port = Spawn.freePort();
        spawn.clockNode(port, plan.nodeSetup().envOf(1));
        fed.urls[1] = "http://127.0.0.1:" + port;
        Fault f = plan.bind(fed);
        long t0 = System.nanoTime();
        FaultOutcome o = FaultCycle.run(f);
        long ms = (System.nanoTime() - t0) / 1_000_000L;
        assertTrue(o.injected() && o.healed(), o.toString());
        long skew = o.event().measurements().get("measured_skew_ms");
        assertTrue(Math.abs(skew - 60_000) <= 250, "measured " + skew);
        assertTrue(Math.abs(o.event().measurements().get("residual_skew_ms")) <= 250);
        System.out.println("libfaketime inject+500 ms window+heal took " + ms + " ms: " + o.event());
    }

    @Test
    void libfaketimeOnANodeThatIgnoresItFailsInjectAndHealLeavesNoSkew() throws Exception {
        FaultOptions options = FaultOptions.defaults(dir, TargetCapabilities.NONE);
        int port = Spawn.freePort();
        spawn.clockNode(port, Map.of()); // started without LD_PRELOAD: the file changes nothing
        fed.urls[1] = "http://127.0.0.1:" + port;
        Path file = dir.resolve("node-1.faketime");
        Fault f = new FaketimeSkewFault(new Mechanism("libfaketime", MechanismStatus.REAL, null), fed, 100, file,
                options.skewMs(), 300, new ClockProbe(dev.quorumbench.store.StoreProtocols.builtIn()));
        FaultOutcome o = FaultCycle.run(f);
        assertFalse(o.injected());
        assertTrue(o.injectError().contains("did not reach a skew of 60000"), o.injectError());
        assertTrue(o.healed(), String.valueOf(o.healError()));
        assertEquals("+0\n", java.nio.file.Files.readString(file));
    }

    /** An in-process node with a cooperative clock offset (what {@code --allow-clock-offset} enables). */
    private static HttpServer clockNode(AtomicLong offset, List<Long> posted) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.createContext("/api/v1/health", ex -> respond(ex, "{\"status\":\"ok\",\"time_ms\":"
                + (System.currentTimeMillis() + offset.get()) + "}"));
        s.createContext("/api/v1/admin/clock-offset", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long v = Long.parseLong(body.replaceAll("[^-0-9]", ""));
            posted.add(v);
            offset.set(v);
            respond(ex, "{\"offset_ms\":" + v + "}");
        });
        s.start();
        return s;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, String json) throws java.io.IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
