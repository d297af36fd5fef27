package dev.quorumbench.cluster;

/**
 * Where a node's peers reach it on the network of a cluster whose nodes have hosts of their own.
 *
 * @param host the node's address
 * @param port the node's port
 */
public record NodeAddress(String host, int port) {
}
