package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.List;
import java.util.Map;

/**
 * {@code clock_skew_peer} by {@code node-offset} (cooperative): node-1, started with {@code --allow-clock-offset},
 * is asked to offset its own wall clock; the skew is measured from its health endpoint as for libfaketime. The
 * node takes part in its own fault, so the record says cooperative, not real.
 */
final class OffsetSkewFault extends BoundFault {

    static final int NODE = 1;
    private static final long SETTLE_MS = 2000;

    private final Cluster cluster;
    private final long skewMs;
    private final ClockProbe clock;
    private volatile Long measuredSkewMs;

    OffsetSkewFault(Mechanism mechanism, Cluster cluster, long windowMs, long skewMs, ClockProbe clock) {
        super(FaultClass.CLOCK_SKEW_PEER, mechanism, windowMs);
        this.cluster = cluster;
        this.skewMs = skewMs;
        this.clock = clock;
    }

    @Override
    public void inject() throws FaultException {
        measuredSkewMs = null;
        String url = cluster.nodeUrl(NODE);
        clock.setOffset(url, skewMs);
        long measured = clock.awaitSkew(url, skewMs, FaketimeSkewFault.TOLERANCE_MS, SETTLE_MS);
        measuredSkewMs = measured;
        detail("node-1 offset its own clock by " + skewMs + " ms on request, measured " + measured + " ms");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        String url = cluster.nodeUrl(NODE);
        clock.setOffset(url, 0);
        long residual = clock.awaitSkew(url, 0, FaketimeSkewFault.TOLERANCE_MS, SETTLE_MS);
        Long measured = measuredSkewMs;
        measuredSkewMs = null;
        return measured == null ? Map.of("residual_skew_ms", residual)
                : Map.of("measured_skew_ms", measured, "residual_skew_ms", residual);
    }

    /** The {@code node-offset} mechanism: cooperative where the target has the {@code clock-offset} capability. */
    static final class Kind implements MechanismKind {

        @Override
        public String name() {
            return "node-offset";
        }

        @Override
        public FaultClass faultClass() {
            return FaultClass.CLOCK_SKEW_PEER;
        }

        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            return targetCapabilities.clockOffset()
                    ? new Mechanism(name(), MechanismStatus.COOPERATIVE, "node-1 offsets its own clock on request")
                    : new Mechanism(name(), MechanismStatus.UNAVAILABLE,
                            "the target has no 'clock-offset' capability");
        }

        /** The reference node serves its clock-offset endpoint only when started with this flag. */
        @Override
        public NodeSetup nodeSetup(PlanContext context) {
            return new NodeSetup(Map.of(), Map.of(NODE, List.of("--allow-clock-offset")), false);
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            FaultOptions o = context.options();
            return new OffsetSkewFault(mechanism, cluster, o.windowMs(), o.skewMs(),
                    new ClockProbe(context.store()));
        }
    }
}
