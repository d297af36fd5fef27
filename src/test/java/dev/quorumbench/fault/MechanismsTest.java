package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.cluster.FakeCluster;
import dev.quorumbench.host.Capability;
import dev.quorumbench.host.FakeHost;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.plugin.SigtermKind;
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
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The registry of mechanisms: the built-in kinds are exactly what {@link FaultClass} lists, and a plug-in
 * registered through {@code META-INF/services} ({@link SigtermKind}) adds a mechanism to its own class only,
 * never shadows a built-in, and is planned, prepared and bound like any built-in one.
 */
class MechanismsTest {

    private static final HostFacts BARE = new HostFacts(false, false, false,
            Capability.unavailable("needs root (the harness runs as uid 1000)"), Optional.empty());

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FaultClass.class)
    void builtInKindsAreExactlyWhatEachClassLists(FaultClass fault) {
        assertEquals(fault.mechanisms(), Mechanisms.builtIn().stream().filter(k -> k.faultClass() == fault)
                .map(MechanismKind::name).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // fault | names it accepts, default first, plug-ins after the built-in ones
            "kill_primary_mid_write | sigkill, sigkill-at-fanout, sigkill-after-peer-ack, sigterm",
            "partition_minority | proxy-blackhole, iptables",
            "drop_random_acks | sigstop, proxy-drop-acks",
            "clock_skew_peer | libfaketime, node-offset, recorded-only",
    })
    void aPlugInAddsAMechanismToItsOwnClassOnly(String fault, String names) {
        assertEquals(List.of(names.split(", ")), Mechanisms.names(FaultClass.fromKey(fault)));
    }

    @Test
    void aPlugInNeverShadowsABuiltIn() {
        assertInstanceOf(KillPrimaryFault.Kind.class, Mechanisms.of(FaultClass.KILL_PRIMARY_MID_WRITE).get("sigkill"));
        assertEquals(MechanismStatus.REAL,
                FaultCatalog.resolve(FaultClass.KILL_PRIMARY_MID_WRITE, "sigkill", BARE, TargetCapabilities.NONE).status());
    }

    @Test
    void aPlugInIsNeverTheDefault() {
        assertEquals("sigkill",
                Plans.on(FaultClass.KILL_PRIMARY_MID_WRITE, null, options(), new FakeHost()).mechanism().name());
    }

    @Test
    void aMechanismOfAnotherClassIsStillAnInputError() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Plans.on(FaultClass.PARTITION_MINORITY, "sigterm", options(), new FakeHost()));
        assertEquals("unknown mechanism 'sigterm' for fault partition_minority (valid: proxy-blackhole, iptables)",
                e.getMessage());
    }

    @Test
    void theInputErrorListsThePlugInToo() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Plans.on(FaultClass.KILL_PRIMARY_MID_WRITE, "sighup", options(), new FakeHost()));
        assertEquals("unknown mechanism 'sighup' for fault kill_primary_mid_write (valid: sigkill, sigkill-at-fanout, sigkill-after-peer-ack, sigterm)",
                e.getMessage());
    }

    @Test
    void aPlugInIsPlannedPreparedAndBoundLikeABuiltIn() throws Exception {
        FakeHost host = new FakeHost();
        FaultPlan plan = Plans.on(FaultClass.KILL_PRIMARY_MID_WRITE, "sigterm", options(), host);
        assertEquals(new Mechanism("sigterm", MechanismStatus.REAL, null), plan.mechanism());
        assertEquals(SigtermKind.ENV, plan.nodeSetup().env());
        assertTrue(host.files.isEmpty(), "planning touches no file");
        plan.prepare();
        assertEquals("sigterm\n", host.files.get(SigtermKind.marker(dir)));

        FakeCluster cluster = new FakeCluster(host, i -> host.spawn("node"), null, dir);
        long pid = cluster.pid(0);
        FaultOutcome o = FaultCycle.run(plan.bind(cluster));
        assertTrue(o.injected(), o.event().detail());
        assertEquals("SIGTERM pid " + pid + " (node-0)", o.event().detail());
        assertEquals(List.of("TERM " + pid), host.signals());
        assertEquals(List.of("restart 0"), cluster.calls);
        assertTrue(o.event().measurements().containsKey("recovery_ms"));
    }

    @Test
    void anUnavailablePlugInRefusesToInjectWithItsReason() throws Exception {
        FakeHost host = new FakeHost();
        host.facts(BARE);
        FaultPlan plan = Plans.on(FaultClass.KILL_PRIMARY_MID_WRITE, "sigterm", options(), host);
        assertEquals(MechanismStatus.UNAVAILABLE, plan.mechanism().status());
        assertEquals(NodeSetup.NONE, plan.nodeSetup());
        plan.prepare();
        assertTrue(host.files.isEmpty(), "an unavailable mechanism prepares nothing");
        FaultOutcome o = FaultCycle.run(plan.bind(null));
        assertEquals("inject failed: sigterm is unavailable here: needs a host that signals and reports states",
                o.event().detail());
        assertFalse(o.injected());
    }

    private FaultOptions options() {
        return new FaultOptions(10, 60_000, 0.5, 1, TargetCapabilities.NONE, dir);
    }
}
