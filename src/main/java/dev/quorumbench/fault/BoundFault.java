package dev.quorumbench.fault;

import dev.quorumbench.run.Mechanism;

/**
 * What every fault class of this package shares: its name, mechanism and window, and a one-sentence account of
 * the last inject ("SIGKILL pid 4242 (node-0)") for the fault record.
 */
public abstract class BoundFault implements Fault {

    private final String name;
    private final Mechanism mechanism;
    private final long windowMs;
    private volatile String detail;

    protected BoundFault(String name, Mechanism mechanism, long windowMs) {
        this.name = name;
        this.mechanism = mechanism;
        this.windowMs = windowMs;
        this.detail = mechanism.name() + ": not injected yet";
    }

    @Override
    public final String name() {
        return name;
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
