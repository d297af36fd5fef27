package dev.quorumbench.fault;

import dev.quorumbench.store.StoreProtocol;

/**
 * What the target offers the fault mechanisms beyond signals, files and a firewall on its hosts: today, whether
 * its nodes offset their own clock on request (the cooperative clock skew). Read off the store protocol's typed
 * capability, so a mechanism is never planned on a capability the protocol cannot exercise.
 *
 * <p>Also whether node-0's links to its peers run through the harness's link proxies, so a mechanism can watch
 * their bytes: true for nodes started together on the harness's machine, false for a {@code hosts} profile.
 *
 * @param clockOffset      the store protocol can ask a node to offset its wall clock
 * @param proxiedPeerLinks the nodes' peer links run through the harness's link proxies
 */
public record TargetCapabilities(boolean clockOffset, boolean proxiedPeerLinks) {

    /** Nodes on the harness's machine, their peer links through its proxies. */
    public TargetCapabilities(boolean clockOffset) {
        this(clockOffset, true);
    }

    /** A target offering nothing beyond the common interface. */
    public static final TargetCapabilities NONE = new TargetCapabilities(false);

    /** A target whose nodes offset their clock on request. */
    public static final TargetCapabilities CLOCK_OFFSET = new TargetCapabilities(true);

    /** What {@code store} can do to the nodes it talks to, on nodes started on the harness's machine. */
    public static TargetCapabilities of(StoreProtocol store) {
        return new TargetCapabilities(store.clockOffset().isPresent());
    }

    /** What {@code store} can do, with {@code placed}: nodes on their own hosts, peer links not proxied. */
    public static TargetCapabilities of(StoreProtocol store, boolean placed) {
        return new TargetCapabilities(store.clockOffset().isPresent(), !placed);
    }
}
