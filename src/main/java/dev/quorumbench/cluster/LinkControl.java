package dev.quorumbench.cluster;

import dev.quorumbench.net.LinkObserver;
import dev.quorumbench.net.LinkStatus;

/**
 * Control of the node-to-node links that run through the harness's proxies.
 *
 * <p>Links are directed: {@code from→to} carries node {@code from}'s requests to node {@code to} and their
 * responses back. A partition of node 0 black-holes 0→j and j→0 for every peer j.
 */
public interface LinkControl {

    /** Stops every byte on the directed link from node {@code from} to node {@code to} (no RST, like DROP). */
    void blackhole(int from, int to);

    /** Delivers requests on from→to but drops roughly {@code share} (0..1) of the responses coming back. */
    void dropResponses(int from, int to, double share, long seed);

    /** Restores every link to plain forwarding. */
    void healAll();

    /** How many responses were dropped since the last heal (for fault records): read it before {@link #healAll()}. */
    long droppedResponses();

    /** Restores one directed link to plain forwarding (resets that link's dropped-response count). */
    default void heal(int from, int to) {
        throw new UnsupportedOperationException("heal(from, to) is not supported by " + getClass().getSimpleName());
    }

    /**
     * The loopback port node {@code from} connects to for node {@code to}, so a mechanism can cut the link
     * by port (for example iptables on {@code --dport} and {@code --sport} of this port).
     */
    default int port(int from, int to) {
        throw new UnsupportedOperationException("port(from, to) is not supported by " + getClass().getSimpleName());
    }

    /** Mode, port, live connections and byte counts of from→to, to verify that a fault took effect. */
    default LinkStatus status(int from, int to) {
        throw new UnsupportedOperationException("status(from, to) is not supported by " + getClass().getSimpleName());
    }

    /**
     * Tells {@code observer} of every chunk the directed link from→to passes on from now on (see
     * {@link LinkObserver}), until {@link #unobserve}; only links that really run through the harness can.
     */
    default void observe(int from, int to, LinkObserver observer) {
        throw new UnsupportedOperationException("observe(from, to) is not supported by " + getClass().getSimpleName());
    }

    /** Stops {@link #observe}; safe to call when nothing observes. */
    default void unobserve(int from, int to, LinkObserver observer) {
    }
}
