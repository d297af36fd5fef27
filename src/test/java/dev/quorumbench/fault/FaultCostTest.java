package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.cluster.FakeCluster;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.run.FaultClass;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeats inject+heal (window 0) of each mechanism against the fakes, as a campaign reuses one Fault for 200
 * cycles: every repetition must inject and heal, and the cost per repetition is printed for the README.
 */
@Tag("process")
class FaultCostTest {

    private static final int REPEATS = 10;

    @TempDir
    Path dir;

    private Spawn spawn;
    private FakeLinks links;
    private FakeCluster fed;

    @BeforeEach
    void start() throws Exception {
        spawn = new Spawn();
        links = new FakeLinks(3);
        fed = new FakeCluster(LocalHost.get(), i -> spawn.sleep().pid(), links, dir);
    }

    @AfterEach
    void stop() throws Exception {
        links.close();
        spawn.close();
        // Binding the iptables mechanism installed this JVM's chain; leave nothing for the shutdown hook.
        RealFederationFaultsTest.removeOwnChain();
    }

    /** Kills timed to a replication push on the wire. */
    private static final java.util.Set<String> TIMED_TO_THE_WIRE = java.util.Set.of("sigkill-at-fanout",
            "sigkill-after-peer-ack");

    @Test
    void everyMechanismInjectsAndHealsRepeatedly() throws Exception {
        FaultOptions options = new FaultOptions(0, 60_000, 0.5, 1, TargetCapabilities.NONE, dir);
        if (LibFaketime.locate(LocalHost.get()).isPresent()) {
            int port = Spawn.freePort();
            spawn.clockNode(port, Plans.local(FaultClass.CLOCK_SKEW_PEER, null, options).nodeSetup().envOf(1));
            fed.urls[1] = "http://127.0.0.1:" + port;
        }
        for (FaultClass fault : FaultClass.values()) {
            for (String mechanism : fault.mechanisms()) {
                if (TIMED_TO_THE_WIRE.contains(mechanism)) {
                    // They wait for a replication push to pass a proxy; these fake links carry none, so the cost
                    // would be the fallback's wait. FanoutKillProcessTest runs them on a writing federation.
                    System.out.println("cost " + fault + "/" + mechanism + ": needs replication traffic, not run here");
                    continue;
                }
                FaultPlan plan = Plans.local(fault, mechanism, options);
                if (!plan.mechanism().status().injected()) {
                    System.out.println("cost " + fault + "/" + mechanism + ": " + plan.mechanism().status().key());
                    continue;
                }
                Fault f = plan.bind(fed);
                long[] ms = new long[REPEATS];
                for (int i = 0; i < REPEATS; i++) {
                    long t0 = System.nanoTime();
                    FaultOutcome o = FaultCycle.run(f);
                    ms[i] = (System.nanoTime() - t0) / 1_000_000L;
                    assertTrue(o.injected() && o.healed(), fault + "/" + mechanism + " cycle " + i + ": " + o);
                }
                long[] sorted = ms.clone();
                Arrays.sort(sorted);
                System.out.println("cost " + fault + "/" + mechanism + " inject+heal ms: median " + sorted[REPEATS / 2]
                        + ", max " + sorted[REPEATS - 1] + ", all " + Arrays.toString(ms));
            }
        }
    }

    @Test
    void iptablesPartitionInjectsAndHealsRepeatedly() throws Exception {
        Assumptions.assumeTrue(LocalHost.get().firewall().value().isPresent(),
                "iptables unusable here: " + LocalHost.get().firewall().reason().orElse(""));
        FaultPlan plan = Plans.local(FaultClass.PARTITION_MINORITY, "iptables",
                new FaultOptions(0, 60_000, 0.5, 1, TargetCapabilities.NONE, dir));
        Fault f = plan.bind(fed);
        try {
            long[] ms = new long[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                long t0 = System.nanoTime();
                FaultOutcome o = FaultCycle.run(f);
                ms[i] = (System.nanoTime() - t0) / 1_000_000L;
                assertTrue(o.injected() && o.healed(), "cycle " + i + ": " + o);
            }
            System.out.println("cost partition_minority/iptables inject+heal ms: " + Arrays.toString(ms));
        } finally {
            RealFederationFaultsTest.removeOwnChain();
        }
    }
}
