package dev.quorumbench.fault;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The knobs of a fault plan.
 *
 * @param windowMs           how long a partition, pause, ack drop or skew stays in place (kill ignores it: it
 *                           restarts at once); default 500
 * @param skewMs             the clock skew given to node-1; default 60000 (+60 s)
 * @param dropShare          share of node-1's responses the proxy drops, 0..1; default 0.5
 * @param seed               seed of the response-dropping random choice (varied per cycle from here)
 * @param targetCapabilities what the target's store protocol can do to its nodes (the cooperative clock offset)
 * @param workDir            where fault files live (the libfaketime timestamp file)
 */
public record FaultOptions(long windowMs, long skewMs, double dropShare, long seed, TargetCapabilities targetCapabilities,
                           Path workDir) {

    public static final long DEFAULT_WINDOW_MS = 500;
    public static final long DEFAULT_SKEW_MS = 60_000;
    public static final double DEFAULT_DROP_SHARE = 0.5;


    public FaultOptions {
        if (windowMs < 0) {
            throw new IllegalArgumentException("windowMs must be >= 0, was " + windowMs);
        }
        if (!(dropShare >= 0 && dropShare <= 1)) {
            throw new IllegalArgumentException("dropShare must be within 0..1, was " + dropShare);
        }
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(targetCapabilities, "targetCapabilities");
    }

    /** The source document's defaults: 500 ms windows, +60 s skew, half the acks dropped, seed 1. */
    public static FaultOptions defaults(Path workDir, TargetCapabilities targetCapabilities) {
        return new FaultOptions(DEFAULT_WINDOW_MS, DEFAULT_SKEW_MS, DEFAULT_DROP_SHARE, 1, targetCapabilities, workDir);
    }
}
