package dev.quorumbench.node;

/**
 * How far this node has pulled one peer: the peer's database identity and its last change sequence applied here.
 * The identity makes the sequence meaningful: a peer whose database was replaced starts its sequence again.
 *
 * @param peerDb the peer's database id ({@code db_id} in its {@code /sync/since} answer)
 * @param seq    the peer's change sequence up to which every row is applied here
 */
record PeerWatermark(String peerDb, long seq) {
}
