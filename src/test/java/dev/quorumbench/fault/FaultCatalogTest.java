package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.host.Capability;
import dev.quorumbench.host.FakeFirewall;
import dev.quorumbench.host.FakeHost;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog's names, defaults, input errors and mechanism resolution, table-driven. */
class FaultCatalogTest {

    @TempDir
    Path dir;

    private static final HostFacts FULL = new HostFacts(true, true, true, Capability.available(new FakeFirewall()),
            Optional.of(Path.of("/lib/libfaketime.so.1")));
    private static final HostFacts BARE = new HostFacts(false, false, false,
            Capability.unavailable("needs root (the harness runs as uid 1000)"), Optional.empty());

    @Test
    void namesAreTheSourceDocumentsFourClassesInOrder() {
        assertEquals(List.of("kill_primary_mid_write", "partition_minority", "drop_random_acks", "clock_skew_peer"),
                java.util.Arrays.stream(FaultClass.values()).map(FaultClass::key).toList());
    }

    @ParameterizedTest
    @CsvSource({
            "kill_primary_mid_write, sigkill",
            "partition_minority, proxy-blackhole",
            "drop_random_acks, sigstop",
            "clock_skew_peer, libfaketime",
    })
    void defaultMechanismComesFirst(String fault, String mechanism) {
        assertEquals(mechanism, FaultClass.fromKey(fault).mechanisms().get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // fault | requested | host | capabilities | resolved name | status
            "kill_primary_mid_write | | full | | sigkill | REAL",
            "partition_minority | | full | | proxy-blackhole | REAL",
            "partition_minority | iptables | full | | iptables | REAL",
            "partition_minority | iptables | bare | | iptables | UNAVAILABLE",
            "drop_random_acks | | full | | sigstop | REAL",
            "drop_random_acks | | bare | | sigstop | UNAVAILABLE",
            "drop_random_acks | proxy-drop-acks | bare | | proxy-drop-acks | REAL",
            "clock_skew_peer | | full | | libfaketime | REAL",
            "clock_skew_peer | | bare | clock-offset | node-offset | COOPERATIVE",
            "clock_skew_peer | | bare | | recorded-only | SIMULATED",
            "clock_skew_peer | libfaketime | bare | clock-offset | libfaketime | UNAVAILABLE",
            "clock_skew_peer | node-offset | full | | node-offset | UNAVAILABLE",
            "clock_skew_peer | node-offset | full | clock-offset | node-offset | COOPERATIVE",
            "clock_skew_peer | recorded-only | full | clock-offset | recorded-only | SIMULATED",
            // nodes on hosts of their own: the proxies carry nothing, the partition is cut by address instead
            "partition_minority | | full | own-hosts | iptables | REAL",
            "partition_minority | | bare | own-hosts | proxy-blackhole | UNAVAILABLE",
            "partition_minority | proxy-blackhole | full | own-hosts | proxy-blackhole | UNAVAILABLE",
            "partition_minority | iptables | full | own-hosts | iptables | REAL",
            "drop_random_acks | proxy-drop-acks | full | own-hosts | proxy-drop-acks | UNAVAILABLE",
            "drop_random_acks | | full | own-hosts | sigstop | REAL",
            // one machine, a command without ${peers}: nothing can cut a member off
            "partition_minority | | full | direct | proxy-blackhole | UNAVAILABLE",
            "partition_minority | iptables | full | direct | iptables | UNAVAILABLE",
            "drop_random_acks | proxy-drop-acks | full | direct | proxy-drop-acks | UNAVAILABLE",
    })
    void resolvesHonestlyForTheMachineAndTarget(String fault, String requested, String host, String caps,
                                                String name, MechanismStatus status) {
        Mechanism m = FaultCatalog.resolve(FaultClass.fromKey(fault), requested, host.equals("full") ? FULL : BARE,
                capabilities(caps));
        assertEquals(name, m.name());
        assertEquals(status, m.status());
        if (status == MechanismStatus.REAL) {
            assertNull(m.reason());
        } else {
            assertFalse(m.reason().isBlank(), "a non-real mechanism says why");
        }
    }

    private static TargetCapabilities capabilities(String caps) {
        if (caps == null) {
            return TargetCapabilities.NONE;
        }
        return switch (caps) {
            case "clock-offset" -> TargetCapabilities.CLOCK_OFFSET;
            case "own-hosts" -> new TargetCapabilities(false, true, "on hosts of their own");
            case "direct" -> new TargetCapabilities(false, false, "no ${peers}");
            default -> throw new IllegalArgumentException(caps);
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // command | nodes placed | why the proxies carry nothing (empty: they carry the links)
            "--peers ${peers}          | false | ''",
            "--initial-cluster ${initial_cluster} | false | does not use ${peers}",
            "--initial-cluster ${initial_cluster} | true  | hosts of their own",
            "--peers ${peers}          | true  | hosts of their own",
    })
    void theProfileSaysWhetherTheLinkProxiesCarryAnything(String arg, boolean placed, String why) {
        String nodes = placed ? ", \"nodes\": [{\"ssh\": {\"user\": \"root\", \"host\": \"10.0.0.10\", "
                + "\"key_file\": \"/k\", \"known_hosts\": \"/h\"}, \"address\": \"10.0.0.10\", \"port\": 2379, "
                + "\"peer_port\": 2380, \"data_dir\": \"/d\"}]" : "";
        String[] argv = arg.trim().split(" ");
        dev.quorumbench.cluster.TargetProfile p = dev.quorumbench.cluster.TargetProfile.parse("{\"command\": [\"x\", \""
                + argv[0] + "\", \"" + argv[1] + "\"]" + nodes + "}", "p", "p.json");
        String reason = TargetCapabilities.noLinkProxies(p);
        if (why.isEmpty()) {
            assertNull(reason);
        } else {
            assertTrue(reason.contains(why), reason);
        }
    }

    @Test
    void unknownFaultListsTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Plans.local(FaultClass.fromKey("kill_everything"), null, options()));
        assertEquals("unknown fault 'kill_everything' (valid: kill_primary_mid_write, partition_minority, "
                + "drop_random_acks, clock_skew_peer)", e.getMessage());
    }

    @Test
    void unknownMechanismListsTheFaultsMechanisms() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Plans.local(FaultClass.PARTITION_MINORITY, "tc-netem", options()));
        assertEquals("unknown mechanism 'tc-netem' for fault partition_minority (valid: proxy-blackhole, iptables)",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void planTellsTheFederationWhatToStartWith() throws Exception {
        FakeHost full = host(FULL);
        FaultPlan clock = Plans.on(FaultClass.CLOCK_SKEW_PEER, null, options(), full);
        assertEquals("/lib/libfaketime.so.1", clock.nodeSetup().envOf(1).get("LD_PRELOAD"));
        assertTrue(clock.nodeSetup().envOf(0).isEmpty(), "only node-1 is skewed");
        Path file = Path.of(clock.nodeSetup().envOf(1).get("FAKETIME_TIMESTAMP_FILE"));
        assertTrue(full.files.isEmpty(), "planning touches no file (it runs before the run directory exists)");
        clock.prepare();
        assertEquals("+0\n", full.files.get(file), "prepare() writes +0 on the node's host before the node starts");

        FaultPlan offset = Plans.on(FaultClass.CLOCK_SKEW_PEER, "node-offset",
                new FaultOptions(500, 60_000, 0.5, 1, TargetCapabilities.CLOCK_OFFSET, dir), host(FULL));
        assertEquals(List.of("--allow-clock-offset"), offset.nodeSetup().argsOf(1));
        assertEquals(MechanismStatus.COOPERATIVE, offset.mechanism().status());

        assertTrue(Plans.on(FaultClass.PARTITION_MINORITY, null, options(), host(FULL)).nodeSetup().needsLinkProxies());
        assertTrue(Plans.on(FaultClass.DROP_RANDOM_ACKS, "proxy-drop-acks", options(), host(FULL)).nodeSetup()
                .needsLinkProxies());
        assertFalse(Plans.on(FaultClass.KILL_PRIMARY_MID_WRITE, null, options(), host(FULL)).nodeSetup().needsLinkProxies());
    }

    @Test
    void anUnavailableMechanismBindsToAFaultThatRefusesToInject() throws Exception {
        FaultPlan plan = Plans.on(FaultClass.PARTITION_MINORITY, "iptables", options(), host(BARE));
        assertEquals(MechanismStatus.UNAVAILABLE, plan.mechanism().status());
        Fault f = plan.bind(null);
        FaultException e = assertThrows(FaultException.class, f::inject);
        assertTrue(e.getMessage().contains("needs root"), e.getMessage());
        assertTrue(f.heal().isEmpty());
        FaultOutcome o = FaultCycle.run(f);
        assertFalse(o.injected());
        assertEquals(0, o.event().startMs());
    }

    @Test
    void aSimulatedFaultIsNeverCountedAsInjected() throws Exception {
        FaultPlan plan = Plans.on(FaultClass.CLOCK_SKEW_PEER, null, options(), host(BARE));
        assertEquals("recorded-only", plan.mechanism().name());
        FaultOutcome o = FaultCycle.run(plan.bind(null));
        assertFalse(o.injected());
        assertEquals(MechanismStatus.SIMULATED, o.event().status());
        assertTrue(o.event().detail().startsWith("recorded only"), o.event().detail());
    }

    @Test
    void statusOnThisMachine() {
        HostFacts here = LocalHost.get().facts();
        System.out.println("fault mechanisms on this machine (" + here + "):");
        for (FaultClass fault : FaultClass.values()) {
            for (String mechanism : fault.mechanisms()) {
                Mechanism m = FaultCatalog.resolve(fault, mechanism, here, TargetCapabilities.CLOCK_OFFSET);
                System.out.println("  " + fault + " / " + m.name() + ": " + m.status().key()
                        + (m.reason() == null ? "" : " (" + m.reason() + ")"));
            }
        }
        assertEquals(MechanismStatus.REAL, FaultCatalog.resolve(FaultClass.KILL_PRIMARY_MID_WRITE, null, here, TargetCapabilities.NONE).status());
        assertEquals(here.faketimeLibrary().isPresent() ? MechanismStatus.REAL : MechanismStatus.UNAVAILABLE,
                FaultCatalog.resolve(FaultClass.CLOCK_SKEW_PEER, "libfaketime", here, TargetCapabilities.NONE).status());
        if (!here.root()) {
            assertEquals(MechanismStatus.UNAVAILABLE,
                    FaultCatalog.resolve(FaultClass.PARTITION_MINORITY, "iptables", here, TargetCapabilities.NONE).status());
        }
    }

    private static FakeHost host(HostFacts facts) {
        FakeHost host = new FakeHost();
        host.facts(facts);
        return host;
    }

    private FaultOptions options() {
        return FaultOptions.defaults(dir, TargetCapabilities.NONE);
    }
}
