package dev.quorumbench.net;

/**
 * A snapshot of one link proxy, for verifying that a fault took effect.
 *
 * @param mode             the mode the proxy is in
 * @param port             the loopback port the proxy listens on (the sender's peer URL points here)
 * @param liveConnections  connections accepted and not yet closed
 * @param bytesForwarded   bytes delivered in either direction since the proxy started
 * @param droppedResponses responses swallowed since the last heal
 */
public record LinkStatus(LinkMode mode, int port, int liveConnections, long bytesForwarded, long droppedResponses) {
}
