package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code clock_skew_peer} by {@code libfaketime}: node-1 runs under libfaketime reading its offset from a
 * timestamp file on its host; inject writes the skew there (through the host) and polls node-1's health until its
 * wall clock shows it, heal writes {@code +0} and polls until it is gone. Monotonic time is left alone (the JVM
 * needs it), so timeouts inside the node still work; only the wall clock the node stamps and compares is skewed.
 *
 * <p>Everything happens on node-1's host. Before the skew is written a {@link HostLease} starts there that writes
 * {@code +0} at window + grace unless heal ends it first, so a harness that dies mid-skew leaves no skewed clock.
 */
final class FaketimeSkewFault extends BoundFault {

    static final int NODE = 1;
    /** How close the measured skew must be to the intended one (the probe's round trip is well under this). */
    static final long TOLERANCE_MS = 250;

    private final Cluster cluster;
    private final Path timestampFile;
    private final long skewMs;
    private final long settleMs;
    private final ClockProbe clock;
    private final long graceMs;
    private final LeaseSlot lease = new LeaseSlot();
    private volatile Long measuredSkewMs;

    FaketimeSkewFault(Mechanism mechanism, Cluster cluster, long windowMs, Path timestampFile, long skewMs,
                      long settleMs, ClockProbe clock) {
        this(mechanism, cluster, windowMs, timestampFile, skewMs, settleMs, clock, HostLease.DEFAULT_GRACE_MS);
    }

    FaketimeSkewFault(Mechanism mechanism, Cluster cluster, long windowMs, Path timestampFile, long skewMs,
                      long settleMs, ClockProbe clock, long graceMs) {
        super(FaultClass.CLOCK_SKEW_PEER, mechanism, windowMs);
        this.graceMs = graceMs;
        this.cluster = cluster;
        this.timestampFile = timestampFile;
        this.skewMs = skewMs;
        this.settleMs = settleMs;
        this.clock = clock;
    }

    @Override
    public void inject() throws FaultException {
        measuredSkewMs = null;
        HostLease started;
        try {
            // The lease first: there is never a skewed clock and no one on the host to restore it.
            started = lease.renew(cluster.host(NODE), FaultClass.CLOCK_SKEW_PEER.key(), restore(timestampFile),
                    windowMs() + graceMs);
        } catch (HostException e) {
            throw new FaultException("cannot start the lease on " + cluster.host(NODE).name() + ": " + e.getMessage(), e);
        }
        write(skewMs);
        long measured = clock.awaitSkew(cluster.nodeUrl(NODE), skewMs, TOLERANCE_MS, settleMs);
        confirmed(); // node-1's own health shows the skew
        measuredSkewMs = measured;
        detail("libfaketime offset " + LibFaketime.offsetSpec(skewMs) + " s on node-1 via " + timestampFile + " on "
                + cluster.host(NODE).name() + ", measured " + measured + " ms (lease pid " + started.pid()
                + " restores +0 at " + (windowMs() + graceMs) + " ms)");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        write(0);
        reverted();
        boolean leaseFired = lease.end(); // only once the offset is back at +0
        long residual = clock.awaitSkew(cluster.nodeUrl(NODE), 0, TOLERANCE_MS, settleMs);
        probedOk();
        Long measured = measuredSkewMs;
        measuredSkewMs = null;
        Map<String, Long> m = new LinkedHashMap<>();
        if (measured != null) {
            m.put("measured_skew_ms", measured);
        }
        m.put("residual_skew_ms", residual);
        if (leaseFired) {
            m.put(HostLease.FIRED, 1L);
        }
        return m;
    }

    /** The lease's revert (pure): {@code +0} written beside the file and renamed over it, as the harness writes it. */
    static List<String> restore(Path timestampFile) {
        return List.of("sh", "-c", "printf '%s\\n' +0 > \"$1.lease\" && mv -f \"$1.lease\" \"$1\"", "qb-clock-lease",
                timestampFile.toAbsolutePath().toString());
    }

    private void write(long offsetMs) throws FaultException {
        try {
            LibFaketime.write(cluster.host(NODE), timestampFile, offsetMs);
        } catch (HostException e) {
            throw new FaultException("cannot write " + timestampFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@code libfaketime} mechanism: real where the library is installed on the nodes' host; as its class's
     * default it falls back to {@code node-offset}, then {@code recorded-only}, where it is not.
     */
    static final class Kind implements MechanismKind {

        /** How long libfaketime may take to show a new offset (cache off: next read; cache 1 s: up to a second). */
        private static final long SETTLE_MS = 2500;
        private static final LibFaketime.CacheMode CACHE = LibFaketime.CacheMode.NO_CACHE;

        @Override
        public String name() {
            return "libfaketime";
        }

        @Override
        public FaultClass faultClass() {
            return FaultClass.CLOCK_SKEW_PEER;
        }

        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            return facts.faketimeLibrary().isPresent()
                    ? new Mechanism(name(), MechanismStatus.REAL, null)
                    : new Mechanism(name(), MechanismStatus.UNAVAILABLE,
                            "libfaketime is not installed (looked for " + HostFacts.FAKETIME_CANDIDATES.get(0)
                                    + " and others)");
        }

        /**
         * A clock campaign without libfaketime still measures something when the node can offset its own clock
         * (cooperative); else it records the intent (simulated), so its class cannot pass but the campaign runs.
         */
        @Override
        public Optional<Mechanism> fallback(HostFacts facts, TargetCapabilities targetCapabilities) {
            Mechanism offset = new OffsetSkewFault.Kind().resolve(facts, targetCapabilities);
            if (offset.status().injected()) {
                return Optional.of(new Mechanism(offset.name(), offset.status(),
                        "libfaketime is not installed; " + offset.reason()));
            }
            Mechanism recorded = new RecordedOnlyFault.Kind(faultClass()).resolve(facts, targetCapabilities);
            return Optional.of(new Mechanism(recorded.name(), recorded.status(),
                    "libfaketime is not installed and the target cannot offset its clock: " + recorded.reason()));
        }

        @Override
        public NodeSetup nodeSetup(PlanContext context) {
            // The library of node-1's host: on hosts of their own it need not sit where node-0's host has it.
            Path library = context.nodeHost(NODE).facts().faketimeLibrary().orElseThrow(() ->
                    new IllegalStateException("libfaketime is not installed on node-1's host "
                            + context.nodeHost(NODE).name()));
            return new NodeSetup(Map.of(NODE, LibFaketime.environment(library, timestampFile(context), CACHE)),
                    Map.of(), false);
        }

        /** The node reads the file from its first clock read on, so it must say "no skew" before the node starts. */
        @Override
        public void prepare(PlanContext context) throws IOException {
            try {
                LibFaketime.write(context.nodeHost(NODE), timestampFile(context), 0);
            } catch (HostException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            FaultOptions o = context.options();
            return new FaketimeSkewFault(mechanism, cluster, o.windowMs(), timestampFile(context), o.skewMs(),
                    SETTLE_MS, new ClockProbe(context.store()));
        }

        private static Path timestampFile(PlanContext context) {
            return context.options().workDir().resolve("node-" + NODE + ".faketime");
        }
    }
}
