package dev.quorumbench.fault;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;

import dev.quorumbench.cluster.Cluster;
import java.util.List;
import java.util.Map;

/**
 * {@code partition_minority} by {@code iptables}: DROP rules on node-0's link-proxy ports (to and from each port,
 * in the harness's own chain on lo), so the kernel drops node-0's peer traffic both ways while the harness still
 * reaches node-0 directly and node-1↔node-2 keep talking. Never a DROP on a node's own port: on one host that
 * would also cut the harness and the peers off. Heal flushes the chain; the cut and the heal are probed.
 */
final class IptablesPartitionFault extends BoundFault {

    private final Cluster cluster;
    private final Iptables iptables;

    IptablesPartitionFault(Mechanism mechanism, Cluster cluster, long windowMs, Iptables iptables) {
        super(FaultClass.PARTITION_MINORITY, mechanism, windowMs);
        this.cluster = cluster;
        this.iptables = iptables;
    }

    @Override
    public void inject() throws FaultException {
        List<int[]> cut = PrimaryLinks.of(cluster.size());
        List<Integer> ports = PrimaryLinks.ports(PrimaryLinks.control(cluster), cut);
        iptables.drop(ports);
        PrimaryLinks.verifyCut(ports, ProxyPartitionFault.CUT_PROBE_MS);
        detail("iptables DROP in chain " + iptables.chain() + " on lo for " + PrimaryLinks.describe(cut)
                + " (proxy ports " + ports + ", --dport and --sport)");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        iptables.flush();
        // The probe below is the proof that the rules are gone; listing them again would cost another process.
        PrimaryLinks.verifyForwarding(PrimaryLinks.ports(PrimaryLinks.control(cluster),
                PrimaryLinks.of(cluster.size())), ProxyPartitionFault.HEAL_PROBE_MS);
        return Map.of();
    }
}
