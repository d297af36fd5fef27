package dev.quorumbench.fault;

import dev.quorumbench.store.StoreProtocol;

/**
 * What the target offers the fault mechanisms beyond signals, files and a firewall on its hosts: today, whether
 * its nodes offset their own clock on request (the cooperative clock skew). Read off the store protocol's typed
 * capability, so a mechanism is never planned on a capability the protocol cannot exercise.
 *
 * @param clockOffset the store protocol can ask a node to offset its wall clock
 */
public record TargetCapabilities(boolean clockOffset) {

    /** A target offering nothing beyond the common interface. */
    public static final TargetCapabilities NONE = new TargetCapabilities(false);

    /** A target whose nodes offset their clock on request. */
    public static final TargetCapabilities CLOCK_OFFSET = new TargetCapabilities(true);

    /** What {@code store} can do to the nodes it talks to. */
    public static TargetCapabilities of(StoreProtocol store) {
        return new TargetCapabilities(store.clockOffset().isPresent());
    }
}
