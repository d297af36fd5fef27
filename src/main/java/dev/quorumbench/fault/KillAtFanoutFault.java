package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.LinkControl;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.net.LinkObserver;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kill_primary_mid_write} at a moment seen on the wire instead of chosen by a timer: {@code sigkill-at-fanout}
 * SIGKILLs node-0 as soon as the first bytes of one of its replication pushes passed a link proxy towards a peer,
 * {@code sigkill-after-peer-ack} as soon as the first peer's answer to a push passed back to node-0. The kill,
 * its check and the restart are {@code sigkill}'s ({@link PrimaryKill}); the proxies only watch, they never hold
 * or drop a byte, so any write lost is lost by the store.
 */
final class KillAtFanoutFault extends BoundFault {

    /** How long the fault waits for its moment after the fire point before it kills at once (labelled fallback). */
    static final long MOMENT_WAIT_MS = 2000;

    private final Cluster cluster;
    private final FanoutWatch.Moment moment;
    private final long waitMs;
    private final PrimaryKill kill;
    /** What inject measured, handed out once by heal (the event's measurements come from heal). */
    private volatile Map<String, Long> injected = Map.of();

    KillAtFanoutFault(Mechanism mechanism, Cluster cluster, FanoutWatch.Moment moment, long waitMs) {
        // The window is 0, as sigkill's: the primary is restarted at once, and writes retry until it is back.
        super(FaultClass.KILL_PRIMARY_MID_WRITE, mechanism, 0);
        this.cluster = cluster;
        this.moment = moment;
        this.waitMs = waitMs;
        this.kill = new PrimaryKill(cluster);
    }

    @Override
    public void inject() throws FaultException {
        long pid = kill.runningPid();
        LinkControl links = PrimaryLinks.control(cluster);
        FanoutWatch watch = new FanoutWatch(moment);
        FanoutStrike strike = new FanoutStrike(kill, pid);
        List<int[]> watched = new ArrayList<>();
        List<LinkObserver> observers = new ArrayList<>();
        try {
            for (int peer = 1; peer < cluster.size(); peer++) {
                int p = peer;
                // The kill runs on the proxy thread that saw the moment: waking another thread would cost a
                // scheduler round trip, milliseconds on a loaded machine, longer than a push takes to be answered.
                LinkObserver o = (connection, request, buf, length, nanos) -> {
                    if (watch.passed(p, connection, request, buf, length, nanos)) {
                        strike.now();
                    }
                };
                try {
                    links.observe(PrimaryKill.NODE, peer, o);
                } catch (UnsupportedOperationException e) {
                    throw new FaultException("cannot watch link 0→" + peer + ": " + e.getMessage(), e);
                }
                watched.add(new int[] {PrimaryKill.NODE, peer});
                observers.add(o);
            }
            long armedNanos = System.nanoTime();
            boolean came = strike.await(waitMs);
            if (!came) {
                strike.now(); // the labelled fallback: kill at once, as sigkill would
                strike.await(waitMs); // a proxy thread may have struck just as the wait ended: let it finish
            }
            long landedNanos = strike.landedNanos();
            kill.finishKill(pid);
            FanoutWatch.Seen seen = watch.freeze();
            Map<String, Long> m = new LinkedHashMap<>(FanoutMeasures.of(moment, came, armedNanos, landedNanos, seen));
            // The host's SIGKILL call alone, so a slow landing can be told from a slow wake-up.
            m.put("kill_call_us", (landedNanos - strike.calledNanos()) / 1_000L);
            injected = m;
            detail(FanoutMeasures.sentence(moment, came, waitMs, pid, landedNanos, seen));
        } finally {
            for (int i = 0; i < watched.size(); i++) {
                links.unobserve(watched.get(i)[0], watched.get(i)[1], observers.get(i));
            }
        }
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        Map<String, Long> m = new LinkedHashMap<>(injected);
        injected = Map.of();
        m.putAll(kill.restart());
        return m;
    }

    /**
     * The two mechanisms: real where node-0's peer links run through the harness's link proxies (nodes started
     * together on the harness's machine); unavailable where a {@code hosts} profile places nodes on their own hosts,
     * since nothing on the harness side sees node-0's pushes there.
     */
    static final class Kind implements MechanismKind {

        static final String AT_FANOUT = "sigkill-at-fanout";
        static final String AFTER_PEER_ACK = "sigkill-after-peer-ack";
        static final String NOT_PROXIED = "node-0's peer links do not run through the harness's link proxies "
                + "(the nodes are placed on their own hosts), so the moment a push leaves node-0 cannot be seen; "
                + "real hosts would need a tap on node-0's host reporting its first push bytes with a timestamp";

        private final String name;
        private final FanoutWatch.Moment moment;

        private Kind(String name, FanoutWatch.Moment moment) {
            this.name = name;
            this.moment = moment;
        }

        static Kind atFanout() {
            return new Kind(AT_FANOUT, FanoutWatch.Moment.PUSH_STARTED);
        }

        static Kind afterPeerAck() {
            return new Kind(AFTER_PEER_ACK, FanoutWatch.Moment.PEER_ANSWERED);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public FaultClass faultClass() {
            return FaultClass.KILL_PRIMARY_MID_WRITE;
        }

        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            if (!targetCapabilities.linkProxies()) {
                return new Mechanism(name, MechanismStatus.UNAVAILABLE, NOT_PROXIED + ": "
                        + targetCapabilities.noLinkProxies());
            }
            return new Mechanism(name, MechanismStatus.REAL, null);
        }

        @Override
        public NodeSetup nodeSetup(PlanContext context) {
            return NodeSetup.LINK_PROXIES;
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            return new KillAtFanoutFault(mechanism, cluster, moment, MOMENT_WAIT_MS);
        }
    }
}
