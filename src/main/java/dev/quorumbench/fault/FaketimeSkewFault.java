package dev.quorumbench.fault;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.host.HostException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code clock_skew_peer} by {@code libfaketime}: node-1 runs under libfaketime reading its offset from a
 * timestamp file on its host; inject writes the skew there (through the host) and polls node-1's health until its
 * wall clock shows it, heal writes {@code +0} and polls until it is gone. Monotonic time is left alone (the JVM
 * needs it), so timeouts inside the node still work; only the wall clock the node stamps and compares is skewed.
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
    private volatile Long measuredSkewMs;

    FaketimeSkewFault(Mechanism mechanism, Cluster cluster, long windowMs, Path timestampFile, long skewMs,
                      long settleMs, ClockProbe clock) {
        super(FaultClass.CLOCK_SKEW_PEER, mechanism, windowMs);
        this.cluster = cluster;
        this.timestampFile = timestampFile;
        this.skewMs = skewMs;
        this.settleMs = settleMs;
        this.clock = clock;
    }

    @Override
    public void inject() throws FaultException {
        measuredSkewMs = null;
        write(skewMs);
        long measured = clock.awaitSkew(cluster.nodeUrl(NODE), skewMs, TOLERANCE_MS, settleMs);
        measuredSkewMs = measured;
        detail("libfaketime offset " + LibFaketime.offsetSpec(skewMs) + " s on node-1 via " + timestampFile
                + ", measured " + measured + " ms");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        write(0);
        long residual = clock.awaitSkew(cluster.nodeUrl(NODE), 0, TOLERANCE_MS, settleMs);
        Long measured = measuredSkewMs;
        measuredSkewMs = null;
        return measured == null ? Map.of("residual_skew_ms", residual)
                : Map.of("measured_skew_ms", measured, "residual_skew_ms", residual);
    }

    private void write(long offsetMs) throws FaultException {
        try {
            LibFaketime.write(cluster.host(NODE), timestampFile, offsetMs);
        } catch (HostException e) {
            throw new FaultException("cannot write " + timestampFile + ": " + e.getMessage(), e);
        }
    }
}
