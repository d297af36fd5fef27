package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClusterSpec;
import dev.quorumbench.cluster.Clusters;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.host.Firewall;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.nio.file.Path;

/**
 * A harness made to be SIGKILLed ({@link LeaseAfterHarnessKillProcessTest}): starts the nodes of a hosts profile,
 * partitions node-0 and stops node-1 with short leases, prints {@code INJECTED <chain> <node-1 pid>}, and waits.
 * Arguments: profile, work directory, window ms, grace ms.
 */
final class LeaseOrphanMain {

    private LeaseOrphanMain() {
    }

    public static void main(String[] args) throws Exception {
        TargetProfile profile = TargetProfile.resolve(args[0]);
        long windowMs = Long.parseLong(args[2]);
        long graceMs = Long.parseLong(args[3]);
        Cluster c = Clusters.start(ClusterSpec.builder(profile, Path.of(args[1])).build());
        Firewall fw = c.host(0).firewall().value().orElseThrow();
        Fault partition = HostPartitionFault.bind(new Mechanism("iptables", MechanismStatus.REAL, null), c, windowMs,
                fw, graceMs);
        Fault pause = PauseNodeFault.bind(new Mechanism("sigstop", MechanismStatus.REAL, null), c, windowMs, graceMs);
        partition.inject();
        pause.inject();
        System.out.println("INJECTED " + PartitionChain.ofThisHarness().name() + " " + c.pid(PauseNodeFault.NODE));
        System.out.flush();
        Thread.sleep(600_000); // until the test kills this process; the test's deadline is far shorter
    }
}
