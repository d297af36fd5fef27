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
    private volatile long confirmedNanos;
    private volatile long revertedNanos;
    private volatile long probeOkNanos;

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

    /** Marks now as the moment inject knew the fault in place on its host (the window is held from here). */
    protected final void confirmed() {
        confirmedNanos = System.nanoTime();
    }

    /** Marks now as the moment heal's revert was done on the host. */
    protected final void reverted() {
        revertedNanos = System.nanoTime();
    }

    /** Marks now as the moment the first probe after the revert succeeded. */
    protected final void probedOk() {
        probeOkNanos = System.nanoTime();
    }

    /**
     * How many ms before the window's end heal should start so that it is done at the end (0: start at the end). A
     * fault whose heal takes a known, steady time on its host says so here; the window is still attested by when the
     * heal really finished.
     */
    protected long healLeadMs() {
        return 0;
    }

    /** The marks of the last inject and heal ({@link System#nanoTime()}, 0 where the fault set none). */
    final long[] marks() {
        return new long[] {confirmedNanos, revertedNanos, probeOkNanos};
    }

    /** Clears the marks before an inject, so a fault that marks nothing this time reports nothing stale. */
    final void clearMarks() {
        confirmedNanos = 0;
        revertedNanos = 0;
        probeOkNanos = 0;
    }
}
