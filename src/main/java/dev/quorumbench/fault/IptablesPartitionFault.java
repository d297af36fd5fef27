package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.host.Capability;
import dev.quorumbench.host.Firewall;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.List;
import java.util.Map;

/**
 * {@code partition_minority} by {@code iptables}: DROP rules on node-0's link-proxy ports (to and from each port,
 * in the harness's own chain on lo of node-0's host), so the kernel drops node-0's peer traffic both ways while
 * the harness still reaches node-0 directly and node-1↔node-2 keep talking. Never a DROP on a node's own port:
 * on one host that would also cut the harness and the peers off. Heal flushes the chain; the cut and the heal
 * are probed.
 */
final class IptablesPartitionFault extends BoundFault {

    static final int NODE = 0;

    private final Cluster cluster;
    private final Firewall firewall;
    private final PartitionChain chain;

    IptablesPartitionFault(Mechanism mechanism, Cluster cluster, long windowMs, Firewall firewall,
                           PartitionChain chain) {
        super(FaultClass.PARTITION_MINORITY, mechanism, windowMs);
        this.cluster = cluster;
        this.firewall = firewall;
        this.chain = chain;
    }

    /**
     * Binds the fault to node-0's host firewall: first removes the chains of harnesses that no longer run, then
     * makes sure this harness's (empty) chain and its jumps exist.
     */
    static IptablesPartitionFault bind(Mechanism mechanism, Cluster cluster, long windowMs, Firewall firewall)
            throws FaultException {
        PartitionChain chain = PartitionChain.ofThisHarness();
        try {
            firewall.sweep(PartitionChain::abandoned);
            firewall.ensureChain(chain.name(), PartitionChain.DEVICE);
        } catch (HostException e) {
            throw new FaultException("cannot prepare chain " + chain.name() + ": " + e.getMessage(), e);
        }
        return new IptablesPartitionFault(mechanism, cluster, windowMs, firewall, chain);
    }

    @Override
    public void inject() throws FaultException {
        List<int[]> cut = PrimaryLinks.of(cluster.size());
        List<Integer> ports = PrimaryLinks.ports(PrimaryLinks.control(cluster), cut);
        try {
            firewall.apply(chain.dropRules(ports));
        } catch (HostException e) {
            throw new FaultException(e.getMessage(), e);
        }
        PrimaryLinks.verifyCut(ports, ProxyPartitionFault.CUT_PROBE_MS);
        detail("iptables DROP in chain " + chain.name() + " on lo for " + PrimaryLinks.describe(cut)
                + " (proxy ports " + ports + ", --dport and --sport)");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        try {
            firewall.flush(chain.name());
        } catch (HostException e) {
            throw new FaultException(e.getMessage(), e);
        }
        // The probe below is the proof that the rules are gone; listing them again would cost another process.
        PrimaryLinks.verifyForwarding(PrimaryLinks.ports(PrimaryLinks.control(cluster),
                PrimaryLinks.of(cluster.size())), ProxyPartitionFault.HEAL_PROBE_MS);
        return Map.of();
    }

    /** The {@code iptables} mechanism: real where the host's firewall can be used, else unavailable with its reason. */
    static final class Kind implements MechanismKind {

        @Override
        public String name() {
            return "iptables";
        }

        @Override
        public FaultClass faultClass() {
            return FaultClass.PARTITION_MINORITY;
        }

        /**
         * Real where the firewall can be used and there is something to cut: nodes on hosts of their own (by address)
         * or links through the proxies (by proxy port). Nodes on one host talking directly cannot be cut: a rule by
         * loopback port cannot tell which member a connection comes from.
         */
        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            if (!targetCapabilities.ownHosts() && !targetCapabilities.linkProxies()) {
                return new Mechanism(name(), MechanismStatus.UNAVAILABLE, targetCapabilities.noLinkProxies()
                        + ", and on one host a rule by loopback port cannot tell which member a connection comes "
                        + "from (run the nodes on hosts of their own: \"host\": \"netns\")");
            }
            return facts.firewall().reason()
                    .map(why -> new Mechanism(name(), MechanismStatus.UNAVAILABLE, why))
                    .orElseGet(() -> new Mechanism(name(), MechanismStatus.REAL, null));
        }

        /** The rules act on the link-proxy ports, so the links must run through proxies. */
        @Override
        public NodeSetup nodeSetup(PlanContext context) {
            return NodeSetup.LINK_PROXIES;
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) throws FaultException {
            // Nodes on hosts of their own are cut by address on node-0's host; nodes sharing this machine by their
            // link-proxy ports on loopback.
            if (cluster.peerAddress(HostPartitionFault.NODE).isPresent()) {
                return HostPartitionFault.bind(mechanism, cluster, context.options().windowMs(),
                        firewall(cluster.host(HostPartitionFault.NODE)));
            }
            return IptablesPartitionFault.bind(mechanism, cluster, context.options().windowMs(),
                    firewall(cluster.host(NODE)));
        }

        /** The firewall of the host a partition acts on; planned as available, so missing now is a failed bind. */
        private static Firewall firewall(Host host) throws FaultException {
            Capability<Firewall> firewall = host.firewall();
            return firewall.value().orElseThrow(() -> new FaultException("iptables is unavailable on " + host.name()
                    + ": " + firewall.reason().orElse("unknown")));
        }
    }
}
