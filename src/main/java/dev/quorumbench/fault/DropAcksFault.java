package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.LinkControl;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.net.LinkMode;
import dev.quorumbench.net.LinkStatus;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.Map;

/**
 * {@code drop_random_acks} by {@code proxy-drop-acks}: the proxy on node-0→node-1 delivers node-0's peer pushes
 * but swallows a random share of node-1's responses, so those acks are really lost, not just late. Inject is
 * verified by the proxy reporting the mode; heal reports how many responses were dropped.
 */
final class DropAcksFault extends BoundFault {

    static final int FROM = 0;
    static final int TO = 1;

    private final Cluster cluster;
    private final double share;
    private final long seed;
    private volatile long injections;
    private volatile boolean armed;

    DropAcksFault(Mechanism mechanism, Cluster cluster, long windowMs, double share, long seed) {
        super(FaultClass.DROP_RANDOM_ACKS, mechanism, windowMs);
        this.cluster = cluster;
        this.share = share;
        this.seed = seed;
    }

    @Override
    public void inject() throws FaultException {
        LinkControl links = PrimaryLinks.control(cluster);
        // A different but reproducible random sequence per cycle.
        long cycleSeed = seed + injections++;
        armed = true;
        links.dropResponses(FROM, TO, share, cycleSeed);
        LinkStatus status = status(links);
        if (status.mode() != LinkMode.DROP_RESPONSES) {
            throw new FaultException("link 0→1 is in mode " + status.mode() + " after dropResponses");
        }
        detail("proxy on 0→1 (port " + status.port() + ") drops " + share + " of node-1's responses (seed "
                + cycleSeed + ")");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        LinkControl links = PrimaryLinks.control(cluster);
        // Read before healAll: healing resets the count.
        long dropped = links.droppedResponses();
        links.healAll();
        LinkStatus status = status(links);
        if (status.mode() != LinkMode.FORWARD) {
            throw new FaultException("link 0→1 is in mode " + status.mode() + " after healAll");
        }
        if (!armed) {
            return Map.of();
        }
        armed = false;
        return Map.of("dropped_responses", dropped);
    }

    private static LinkStatus status(LinkControl links) throws FaultException {
        try {
            return links.status(FROM, TO);
        } catch (UnsupportedOperationException e) {
            throw new FaultException("cannot verify link 0→1: " + e.getMessage(), e);
        }
    }

    /** The {@code proxy-drop-acks} mechanism: real wherever the nodes' links run through the harness's proxies. */
    static final class Kind implements MechanismKind {

        @Override
        public String name() {
            return "proxy-drop-acks";
        }

        @Override
        public FaultClass faultClass() {
            return FaultClass.DROP_RANDOM_ACKS;
        }

        /** Real wherever the proxies carry the peer links; else there are no acks on them to drop. */
        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            return targetCapabilities.linkProxies() ? new Mechanism(name(), MechanismStatus.REAL, null)
                    : new Mechanism(name(), MechanismStatus.UNAVAILABLE, targetCapabilities.noLinkProxies());
        }

        @Override
        public NodeSetup nodeSetup(PlanContext context) {
            return NodeSetup.LINK_PROXIES;
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            FaultOptions o = context.options();
            return new DropAcksFault(mechanism, cluster, o.windowMs(), o.dropShare(), o.seed());
        }
    }
}
