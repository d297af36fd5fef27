/**
 * The target under test: how the harness starts, locates, kills, restarts and tears down a cluster.
 *
 * <p>A {@link dev.quorumbench.cluster.TargetProfile} (a small JSON file; {@code reference} and {@code ai-memory}
 * are bundled) gives the argv of one node with placeholders. {@link dev.quorumbench.cluster.Clusters#start}
 * turns a {@link dev.quorumbench.cluster.ClusterSpec} into a running {@link dev.quorumbench.cluster.Cluster}:
 * one OS process per node, started through the node's {@link dev.quorumbench.host.Host} (today the local
 * machine; {@link dev.quorumbench.cluster.Cluster#host(int)} tells faults where to act) without a shell so the pid
 * is the node itself, and one
 * {@link dev.quorumbench.net.LinkProxy} per directed node-to-node link, so each node's peer URLs point at the
 * proxies and {@link dev.quorumbench.cluster.LinkControl} can cut or degrade a single link. Closing a
 * cluster (also from a JVM shutdown hook) wakes, kills (SIGKILL through the host, waiting until the host
 * reports the pid gone) and reaps every node and stops every proxy; each node
 * also gets the harness pid ({@code --parent-pid}) so a crashed harness leaves no orphan.
 */
package dev.quorumbench.cluster;
