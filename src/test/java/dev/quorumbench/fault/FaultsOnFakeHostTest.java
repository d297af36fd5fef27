package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.quorumbench.cluster.FakeCluster;
import dev.quorumbench.host.FakeFirewall;
import dev.quorumbench.host.FakeHost;
import dev.quorumbench.host.HarnessProcess;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import dev.quorumbench.net.LinkMode;
import dev.quorumbench.run.FaultClass;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faults driven through a scripted {@link FakeHost}, without root and without a single process: each acts only
 * through the host and the cluster handle, and each notices when the host says its action did not take effect.
 */
class FaultsOnFakeHostTest {

    /** Pids the fake host gives nodes 0, 1, 2 at start, and the next start. */
    private static final long NODE0 = 1001;
    private static final long NODE1 = 1002;
    private static final long RESTARTED = 1004;

    @TempDir
    Path dir;
    private FakeHost host;
    private FakeLinks links;
    private FakeCluster cluster;

    @BeforeEach
    void start() throws Exception {
        host = new FakeHost();
        links = new FakeLinks(3);
        cluster = new FakeCluster(host, i -> host.spawn("node", "--parent-pid", Long.toString(HarnessProcess.pid())),
                links, dir);
    }

    @AfterEach
    void stop() {
        links.close();
    }

    private FaultOptions options() {
        return new FaultOptions(0, 60_000, 0.5, 1, TargetCapabilities.NONE, dir);
    }

    /**
     * One signal-driven fault on a scripted host.
     *
     * @param script       what the host does wrong, if anything
     * @param injected     whether inject must succeed
     * @param healed       whether heal must succeed
     * @param error        a part of the inject or heal error, or null
     * @param signals      every signal the host must have received, in order
     * @param clusterCalls what the fault must have asked the cluster to do
     */
    record Row(String name, FaultClass fault, Consumer<FakeHost> script, boolean injected, boolean healed,
               String error, List<String> signals, List<String> clusterCalls) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> signalRows() {
        FaultClass kill = FaultClass.KILL_PRIMARY_MID_WRITE;
        FaultClass pause = FaultClass.DROP_RANDOM_ACKS;
        return Stream.of(
                new Row("kill takes effect", kill, h -> { }, true, true, null,
                        List.of("KILL " + NODE0), List.of("kill 0", "restart 0")),
                new Row("kill is refused", kill, h -> h.refuse(Signal.KILL), false, true,
                        "SIGKILL of node-0 (pid " + NODE0 + ") failed", List.of("KILL " + NODE0), List.of("kill 0")),
                new Row("kill has no effect", kill, h -> h.ignore(Signal.KILL), false, true,
                        "SIGKILL of node-0 (pid " + NODE0 + ") failed: node-0 survived SIGKILL",
                        List.of("KILL " + NODE0), List.of("kill 0")),
                new Row("pause takes effect", pause, h -> { }, true, true, null,
                        List.of("STOP " + NODE1, "CONT " + NODE1), List.of()),
                new Row("pause is refused", pause, h -> h.refuse(Signal.STOP), false, true,
                        "SIGSTOP of node-1 (pid " + NODE1 + ") failed", List.of("STOP " + NODE1, "CONT " + NODE1),
                        List.of()),
                new Row("pause has no effect", pause, h -> h.ignore(Signal.STOP), false, true,
                        "is not stopped after SIGSTOP (state RUNNING)", List.of("STOP " + NODE1, "CONT " + NODE1),
                        List.of()),
                new Row("continue has no effect", pause, h -> h.ignore(Signal.CONT), true, false,
                        "node-1 pid " + NODE1 + " still stopped after SIGCONT",
                        List.of("STOP " + NODE1, "CONT " + NODE1), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signalRows")
    void signalFaultsVerifyOnTheHost(Row row) throws Exception {
        row.script().accept(host);
        Fault f = Plans.on(row.fault(), null, options(), host).bind(cluster);
        FaultOutcome o = FaultCycle.run(f);
        assertEquals(row.injected(), o.injected(), String.valueOf(o));
        assertEquals(row.healed(), o.healed(), String.valueOf(o));
        if (row.error() != null) {
            String error = row.injected() ? o.healError() : o.injectError();
            assertTrue(error != null && error.contains(row.error()), error);
        }
        assertEquals(row.signals(), host.signals());
        assertEquals(row.clusterCalls(), cluster.calls);
        if (row.fault() == FaultClass.KILL_PRIMARY_MID_WRITE && row.injected()) {
            assertEquals(NODE0, o.event().measurements().get("killed_pid"));
            assertEquals(RESTARTED, cluster.pid(0));
        }
    }

    @Test
    void bindingThePauseContinuesOnlyNodesOfAHarnessThatIsGone() throws Exception {
        // Gone or running as the node's host sees it: the harness pid here runs on this machine, not on the host.
        long orphan = host.spawn("java", "node", "serve", "--parent-pid", Long.toString(HarnessProcess.pid()));
        long parent = host.spawn("java", "harness");
        long owned = host.spawn("java", "node", "serve", "--parent-pid", Long.toString(parent));
        long stranger = host.spawn("vim");
        for (long pid : List.of(orphan, owned, stranger)) {
            host.setState(pid, ProcessState.STOPPED);
        }
        Plans.on(FaultClass.DROP_RANDOM_ACKS, null, options(), host).bind(cluster);
        assertEquals(List.of("CONT " + orphan), host.signals());
        assertEquals(ProcessState.RUNNING, host.state(orphan));
        assertEquals(ProcessState.STOPPED, host.state(owned));
        assertEquals(ProcessState.STOPPED, host.state(stranger));
    }

    @Test
    void iptablesPartitionSweepsInstallsAppliesAndFlushesThroughTheHostFirewall() throws Exception {
        FakeFirewall fw = host.fakeFirewall();
        String dead = "QB-" + HarnessProcess.machine() + "-3999990";
        fw.leave(dead);
        fw.leave("DOCKER");
        // The fake rules act on the fake links whose ports they name, as DROP would.
        fw.onApply(rules -> cutLinksNamedIn(rules));
        fw.onFlush(links::healAll);
        Fault f = Plans.on(FaultClass.PARTITION_MINORITY, "iptables", options(), host).bind(cluster);
        String chain = PartitionChain.ofThisHarness().name();
        assertEquals(List.of("DOCKER", chain), fw.chains(), "the dead harness's chain is swept, others stay");

        FaultOutcome o = FaultCycle.run(f);
        assertTrue(o.injected() && o.healed(), String.valueOf(o));
        assertEquals(List.of("sweep [" + dead + "]", "ensure " + chain + " lo", "apply 8", "flush " + chain), fw.calls);
        assertEquals(LinkMode.FORWARD, links.mode(1, 2), "node-1↔node-2 untouched");
        assertTrue(fw.rules(chain).isEmpty());
    }

    @Test
    void iptablesRulesThatCutNothingFailInjectAndHealStillFlushes() throws Exception {
        FakeFirewall fw = host.fakeFirewall();
        Fault f = Plans.on(FaultClass.PARTITION_MINORITY, "iptables", options(), host).bind(cluster);
        FaultOutcome o = FaultCycle.run(f);
        assertFalse(o.injected());
        assertTrue(o.injectError().contains("partition did not take effect"), o.injectError());
        assertTrue(o.healed(), String.valueOf(o.healError()));
        assertEquals("flush " + PartitionChain.ofThisHarness().name(), fw.calls.get(fw.calls.size() - 1));
    }

    @Test
    void thePauseArmsALeaseOnNodeOnesHostBeforeTheStopAndEndsItAfterTheCont() throws Exception {
        FaultOutcome o = FaultCycle.run(Plans.on(FaultClass.DROP_RANDOM_ACKS, "sigstop", options(), host).bind(cluster));
        assertTrue(o.injected() && o.healed(), String.valueOf(o));
        List<String> calls = host.calls;
        int start = indexOf(calls, "start sh -c sleep");
        assertTrue(start >= 0 && calls.get(start).endsWith("kill -CONT " + NODE1), calls.toString());
        assertTrue(calls.get(start - 1).startsWith("write /tmp/qb-lease-"), "the token exists before the timer");
        assertTrue(start < calls.indexOf("signal STOP " + NODE1), "armed before the stop");
        int end = indexOf(calls, "run sh -c if rm");
        assertTrue(end > calls.indexOf("signal CONT " + NODE1), "ended only after the node continues");
        assertTrue(o.event().detail().contains("continues it at 15000 ms"), o.event().detail());
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void faketimeWritesTheTimestampFileOnNodeOnesHost() throws Exception {
        FaultPlan plan = Plans.on(FaultClass.CLOCK_SKEW_PEER, null, options(), host);
        assertEquals("/fake/libfaketime.so.1", plan.nodeSetup().envOf(1).get("LD_PRELOAD"));
        Path file = Path.of(plan.nodeSetup().envOf(1).get("FAKETIME_TIMESTAMP_FILE"));
        plan.prepare();
        assertEquals("+0\n", host.files.get(file));
        HttpServer node = clockNodeReading(file);
        try {
            cluster.urls[1] = "http://127.0.0.1:" + node.getAddress().getPort();
            FaultOutcome o = FaultCycle.run(plan.bind(cluster));
            assertTrue(o.injected() && o.healed(), String.valueOf(o));
            assertTrue(Math.abs(o.event().measurements().get("measured_skew_ms") - 60_000) <= 250, o.toString());
            assertEquals(List.of("write " + file + " +0", "write " + file + " +60", "write " + file + " +0"),
                    host.calls.stream().filter(c -> c.startsWith("write " + file)).toList());
            // The lease on node-1's host: token written, timer started before the skew, ended after the +0.
            List<String> lease = host.calls.stream().filter(c -> c.contains("qb-lease")).toList();
            assertEquals(3, lease.size(), lease.toString());
            assertTrue(lease.get(0).startsWith("write /tmp/qb-lease-") && lease.get(1).startsWith("start sh -c sleep")
                    && lease.get(1).endsWith("qb-clock-lease " + file) && lease.get(2).startsWith("run sh -c if rm"),
                    lease.toString());
            assertTrue(host.calls.indexOf(lease.get(1)) < host.calls.indexOf("write " + file + " +60"),
                    "the lease is armed before the clock moves");
            assertEquals("+0\n", host.files.get(file));
        } finally {
            node.stop(0);
        }
    }

    @Test
    void faketimeWhoseWriteIsLostFailsInject() throws Exception {
        FaultPlan plan = Plans.on(FaultClass.CLOCK_SKEW_PEER, null, options(), host);
        Path file = Path.of(plan.nodeSetup().envOf(1).get("FAKETIME_TIMESTAMP_FILE"));
        plan.prepare();
        host.loseWrites();
        HttpServer node = clockNodeReading(file);
        try {
            cluster.urls[1] = "http://127.0.0.1:" + node.getAddress().getPort();
            FaultOutcome o = FaultCycle.run(plan.bind(cluster));
            assertFalse(o.injected());
            assertTrue(o.injectError().contains("did not reach a skew of 60000"), o.injectError());
            assertTrue(o.healed(), String.valueOf(o.healError()));
            assertNull(o.healError());
        } finally {
            node.stop(0);
        }
    }

    /** Black-holes every fake link whose proxy port a DROP rule names. */
    private void cutLinksNamedIn(List<String> rules) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    String port = " " + links.port(i, j) + " ";
                    if (rules.stream().anyMatch(r -> r.contains(port))) {
                        links.blackhole(i, j);
                    }
                }
            }
        }
    }

    /** An in-process node whose wall clock is offset by what the fake host's timestamp file says, as libfaketime. */
    private HttpServer clockNodeReading(Path file) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.createContext("/api/v1/health", ex -> {
            String spec = host.files.getOrDefault(file, "+0").strip();
            long offsetMs = Math.round(Double.parseDouble(spec) * 1000);
            byte[] b = ("{\"status\":\"ok\",\"time_ms\":" + (System.currentTimeMillis() + offsetMs) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        s.start();
        return s;
    }
}
