package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.LinkControl;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.List;
import java.util.Map;

/**
 * {@code partition_minority} by {@code proxy-blackhole}: the link proxies stop every byte of node-0's links to
 * and from each peer (no RST, like DROP), while the harness still reaches node-0 directly and the peers still
 * reach each other; the cut is verified by probing node-0's proxy ports, and so is the heal.
 */
final class ProxyPartitionFault extends BoundFault {

    /** How long a probe waits for a byte before the link counts as cut. */
    static final long CUT_PROBE_MS = 150;
    static final long HEAL_PROBE_MS = 3000;

    private final Cluster cluster;

    ProxyPartitionFault(Mechanism mechanism, Cluster cluster, long windowMs) {
        super(FaultClass.PARTITION_MINORITY, mechanism, windowMs);
        this.cluster = cluster;
    }

    @Override
    public void inject() throws FaultException {
        LinkControl links = PrimaryLinks.control(cluster);
        List<int[]> cut = PrimaryLinks.of(cluster.size());
        List<Integer> ports = PrimaryLinks.ports(links, cut);
        for (int[] l : cut) {
            links.blackhole(l[0], l[1]);
        }
        PrimaryLinks.verifyCut(ports, CUT_PROBE_MS);
        detail("black-holed " + PrimaryLinks.describe(cut) + " at the link proxies (ports " + ports + ")");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        LinkControl links = PrimaryLinks.control(cluster);
        links.healAll();
        PrimaryLinks.verifyForwarding(PrimaryLinks.ports(links, PrimaryLinks.of(cluster.size())), HEAL_PROBE_MS);
        return Map.of();
    }

    /** The {@code proxy-blackhole} mechanism: real wherever the nodes' links run through the harness's proxies. */
    static final class Kind implements MechanismKind {

        @Override
        public String name() {
            return "proxy-blackhole";
        }

        @Override
        public FaultClass faultClass() {
            return FaultClass.PARTITION_MINORITY;
        }

        /** Real wherever the proxies carry the peer links; else it would cut nothing, so it is unavailable. */
        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            return targetCapabilities.linkProxies() ? new Mechanism(name(), MechanismStatus.REAL, null)
                    : new Mechanism(name(), MechanismStatus.UNAVAILABLE, targetCapabilities.noLinkProxies());
        }

        /**
         * Nodes on hosts of their own are cut by address in the firewall of node-0's host instead, where there is one
         * (real, so without a reason: the name says which mechanism ran).
         */
        @Override
        public java.util.Optional<Mechanism> fallback(HostFacts facts, TargetCapabilities targetCapabilities) {
            Mechanism iptables = new IptablesPartitionFault.Kind().resolve(facts, targetCapabilities);
            return iptables.status().injected() ? java.util.Optional.of(iptables) : java.util.Optional.empty();
        }

        @Override
        public NodeSetup nodeSetup(PlanContext context) {
            return NodeSetup.LINK_PROXIES;
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            return new ProxyPartitionFault(mechanism, cluster, context.options().windowMs());
        }
    }
}
