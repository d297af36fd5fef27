package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.cluster.FakeCluster;
import dev.quorumbench.host.Capability;
import dev.quorumbench.host.FakeFirewall;
import dev.quorumbench.host.FakeHost;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every built-in mechanism's plan, exactly as campaign.json and the cluster see it: name, status, reason text,
 * node setup and the fault it binds to, on a host offering everything and on a bare one. Written before the
 * mechanisms became registered kinds, so the move is proven to change none of it.
 */
class MechanismPlansTest {

    private static final HostFacts FULL = new HostFacts(true, true, true, Capability.available(new FakeFirewall()),
            Optional.of(Path.of("/lib/libfaketime.so.1")));
    private static final HostFacts BARE = new HostFacts(false, false, false,
            Capability.unavailable("needs root (the harness runs as uid 1000)"), Optional.empty());

    private static final String FAKETIME_ENV = "env1={FAKETIME_DONT_FAKE_MONOTONIC=1, FAKETIME_FORCE_MONOTONIC_FIX=0, "
            + "FAKETIME_NO_CACHE=1, FAKETIME_TIMESTAMP_FILE=$DIR/node-1.faketime, LD_PRELOAD=/lib/libfaketime.so.1}";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
            // fault | requested | host | capabilities | name | status | reason | node setup | binds to
            "kill_primary_mid_write | - | full | - | sigkill | REAL | - | none | KillPrimaryFault",
            "kill_primary_mid_write | sigkill | bare | - | sigkill | REAL | - | none | KillPrimaryFault",
            "partition_minority | - | full | - | proxy-blackhole | REAL | - | proxies | ProxyPartitionFault",
            "partition_minority | proxy-blackhole | bare | - | proxy-blackhole | REAL | - | proxies | ProxyPartitionFault",
            "partition_minority | iptables | full | - | iptables | REAL | - | proxies | IptablesPartitionFault",
            "partition_minority | iptables | bare | - | iptables | UNAVAILABLE"
                    + " | needs root (the harness runs as uid 1000) | none | UnavailableFault",
            "drop_random_acks | - | full | - | sigstop | REAL | - | none | PauseNodeFault",
            "drop_random_acks | - | bare | - | sigstop | UNAVAILABLE"
                    + " | needs a host that sends SIGSTOP and reads process states to verify it | none | UnavailableFault",
            "drop_random_acks | proxy-drop-acks | full | - | proxy-drop-acks | REAL | - | proxies | DropAcksFault",
            "drop_random_acks | proxy-drop-acks | bare | - | proxy-drop-acks | REAL | - | proxies | DropAcksFault",
            "clock_skew_peer | - | full | - | libfaketime | REAL | - | " + FAKETIME_ENV + " | FaketimeSkewFault",
            "clock_skew_peer | libfaketime | full | clock-offset | libfaketime | REAL | - | " + FAKETIME_ENV
                    + " | FaketimeSkewFault",
            "clock_skew_peer | libfaketime | bare | clock-offset | libfaketime | UNAVAILABLE"
                    + " | libfaketime is not installed (looked for /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
                    + " and others) | none | UnavailableFault",
            "clock_skew_peer | - | bare | clock-offset | node-offset | COOPERATIVE"
                    + " | libfaketime is not installed; node-1 offsets its own clock on request"
                    + " | args1=[--allow-clock-offset] | OffsetSkewFault",
            "clock_skew_peer | - | bare | - | recorded-only | SIMULATED"
                    + " | libfaketime is not installed and the target cannot offset its clock: the intent is recorded,"
                    + " nothing changes | none | RecordedOnlyFault",
            "clock_skew_peer | node-offset | full | clock-offset | node-offset | COOPERATIVE"
                    + " | node-1 offsets its own clock on request | args1=[--allow-clock-offset] | OffsetSkewFault",
            "clock_skew_peer | node-offset | full | - | node-offset | UNAVAILABLE"
                    + " | the target has no 'clock-offset' capability | none | UnavailableFault",
            "clock_skew_peer | recorded-only | full | clock-offset | recorded-only | SIMULATED"
                    + " | the intent is recorded, nothing changes | none | RecordedOnlyFault",
    })
    void planIsExactlyAsBefore(String fault, String requested, String host, String capabilities, String name,
                               String status, String reason, String setup, String boundTo) throws Exception {
        FakeHost fakeHost = new FakeHost();
        fakeHost.facts(host.equals("full") ? FULL : BARE);
        FaultOptions options = new FaultOptions(300, 60_000, 0.5, 1,
                capabilities == null ? TargetCapabilities.NONE : TargetCapabilities.CLOCK_OFFSET, dir);
        FaultPlan plan = Plans.on(FaultClass.fromKey(fault), requested, options, fakeHost);

        assertEquals(FaultClass.fromKey(fault), plan.fault());
        assertEquals(new Mechanism(name, MechanismStatus.valueOf(status), reason), plan.mechanism());
        assertEquals(setup, describe(plan.nodeSetup()));
        plan.prepare();
        assertEquals(boundTo.equals("FaketimeSkewFault") ? Map.of(dir.resolve("node-1.faketime").toAbsolutePath(), "+0\n")
                : Map.of(), fakeHost.files, "only libfaketime writes a file before the nodes start");
        Fault bound = plan.bind(new FakeCluster(fakeHost, i -> fakeHost.spawn("node"), null, dir));
        assertEquals(boundTo, bound.getClass().getSimpleName());
        assertEquals(plan.mechanism(), bound.mechanism());
        assertEquals(plan.fault(), bound.faultClass());
        assertEquals(boundTo.equals("KillPrimaryFault") ? 0 : 300, bound.windowMs());
    }

    /** The node setup in one line: "none", "proxies", or each node's extra env and args. */
    private String describe(NodeSetup s) {
        if (s.env().isEmpty() && s.args().isEmpty()) {
            return s.needsLinkProxies() ? "proxies" : "none";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(s.env()).forEach((node, env) -> parts.add("env" + node + "="
                + new TreeMap<>(env).toString().replace(dir.toAbsolutePath().toString(), "$DIR")));
        new TreeMap<>(s.args()).forEach((node, args) -> parts.add("args" + node + "=" + args));
        if (s.needsLinkProxies()) {
            parts.add("proxies");
        }
        return String.join(" ", parts);
    }
}
