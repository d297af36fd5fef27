package dev.quorumbench.cluster;

import dev.quorumbench.host.JavaCommand;
import dev.quorumbench.host.SshEndpoint;
import java.nio.file.Path;

/**
 * Where one node of a {@code hosts} profile runs: how the harness reaches its host over SSH, the address it listens
 * on (and its peers use), its port, the URL the harness uses, and where its data lives there.
 *
 * @param ssh     how to reach the node's host
 * @param address the address the node listens on and its peers reach it at
 * @param port    the node's port
 * @param apiUrl  the base URL the harness uses (usually {@code http://address:port})
 * @param dataDir the directory on that host holding the node's database and log
 * @param java    how that host runs the reference node ({@code ${java}}, {@code ${classpath}})
 * @param peerPort the node's second port, where its peers reach it ({@code ${peer_port}}), or 0 when not given
 */
public record NodeSite(SshEndpoint ssh, String address, int port, String apiUrl, Path dataDir, JavaCommand java,
                       int peerPort) {

    /** The node's database there. */
    public Path database(int index) {
        return dataDir.resolve(NodeVariables.nodeId(index) + ".db");
    }

    /** The node's log there. */
    public Path log(int index) {
        return dataDir.resolve(NodeVariables.nodeId(index) + ".log");
    }
}
