package dev.quorumbench.fault;

import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.store.StoreProtocol;

/**
 * What the target offers the fault mechanisms beyond signals, files and a firewall on its hosts: whether its nodes
 * offset their own clock on request (the cooperative clock skew), read off the store protocol's typed capability,
 * and how its nodes reach each other, read off its profile — so a mechanism is never planned on something the
 * target cannot give it (link proxies carrying nothing would make a partition that cuts nothing).
 *
 * @param clockOffset   the store protocol can ask a node to offset its wall clock
 * @param ownHosts      each node runs on a host of its own (a {@code hosts} profile): a firewall can cut by address
 * @param noLinkProxies null when the nodes' peer traffic runs through the harness's link proxies ({@code ${peers}});
 *                      else why it does not
 */
public record TargetCapabilities(boolean clockOffset, boolean ownHosts, String noLinkProxies) {

    /** A target offering nothing beyond the common interface. */
    public static final TargetCapabilities NONE = new TargetCapabilities(false);

    /** A target whose nodes offset their clock on request. */
    public static final TargetCapabilities CLOCK_OFFSET = new TargetCapabilities(true);

    /** A target on one machine whose peer links run through the link proxies. */
    public TargetCapabilities(boolean clockOffset) {
        this(clockOffset, false, null);
    }

    /** What {@code store} can do to the nodes it talks to; the links as for a profile that uses the proxies. */
    public static TargetCapabilities of(StoreProtocol store) {
        return new TargetCapabilities(store.clockOffset().isPresent());
    }

    /** What {@code store} can do to the nodes of {@code profile}, and how those nodes reach each other. */
    public static TargetCapabilities of(StoreProtocol store, TargetProfile profile) {
        return new TargetCapabilities(store.clockOffset().isPresent(), profile.placed(), noLinkProxies(profile));
    }

    /** Why the link proxies carry none of {@code profile}'s peer traffic, or null when they carry it (pure). */
    static String noLinkProxies(TargetProfile profile) {
        if (profile.placed()) {
            return "the nodes run on hosts of their own and reach each other directly, not through the harness's "
                    + "link proxies";
        }
        if (!profile.usesPeerProxies()) {
            return "the profile's command does not use ${peers}: its nodes reach each other at addresses of their own, "
                    + "so the link proxies would carry nothing";
        }
        return null;
    }

    /** Whether the harness's link proxies carry the nodes' peer traffic. */
    public boolean linkProxies() {
        return noLinkProxies == null;
    }
}
