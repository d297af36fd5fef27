package dev.quorumbench.net;

/** What a link proxy does with the bytes of its connections. */
public enum LinkMode {
    /** Every byte is forwarded as soon as it is read. */
    FORWARD,
    /** No byte moves either way and new connections wait unserved, until the link is healed (like an iptables DROP). */
    BLACKHOLE,
    /** Requests are delivered; a random share of responses is swallowed so the sender times out (a dropped ack). */
    DROP_RESPONSES
}
