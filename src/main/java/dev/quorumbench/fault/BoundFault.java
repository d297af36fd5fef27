package dev.quorumbench.fault;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;

/**
 * What every fault class of this package shares: its class, mechanism and window, and a one-sentence account of
 * the last inject ("SIGKILL pid 4242 (node-0)") for the fault record.
 */
public abstract class BoundFault implements Fault {

    private final FaultClass faultClass;
    private final Mechanism mechanism;
    private final long windowMs;
    private volatile String detail;

    protected BoundFault(FaultClass faultClass, Mechanism mechanism, long windowMs) {
        this.faultClass = faultClass;
        this.mechanism = mechanism;
        this.windowMs = windowMs;
        this.detail = mechanism.name() + ": not injected yet";
    }

    @Override
    public final FaultClass faultClass() {
        return faultClass;
    }

    @Override
    public final Mechanism mechanism() {
        return mechanism;
    }

    @Override
    public final long windowMs() {
        return windowMs;
    }

    /** What the last inject did, in one sentence. */
    public final String detail() {
        return detail;
    }

    protected final void detail(String sentence) {
        this.detail = sentence;
    }
}
