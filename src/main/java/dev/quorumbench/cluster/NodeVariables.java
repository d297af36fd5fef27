package dev.quorumbench.cluster;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The placeholder values for one node of a cluster (see {@link Placeholders#NAMES}). */
final class NodeVariables {

    private NodeVariables() {
    }

    /**
     * @param host     the address node {@code index} listens on
     * @param peerUrls the URLs node {@code index} uses to reach its peers (link proxies when they are on)
     * @param members  every node's own address and peer port, node-0 first (the second port of a store whose members
     *                 talk to each other directly, e.g. etcd's 2380)
     * @param java     path of the java executable running the harness
     */
    static Map<String, String> of(ClusterSpec spec, int index, String host, int port, List<String> peerUrls,
                                  List<NodeAddress> members, Path db, String java, String classpath, long harnessPid) {
        Map<String, String> v = new HashMap<>();
        v.put("java", java);
        v.put("classpath", classpath);
        v.put("host", host);
        v.put("port", Integer.toString(port));
        v.put("peers", String.join(",", peerUrls));
        v.put("db", db.toString());
        v.put("quorum_writes", Integer.toString(spec.quorumWrites()));
        v.put("quorum_timeout_ms", Long.toString(spec.quorumTimeoutMs()));
        v.put("node_id", nodeId(index));
        v.put("node_index", Integer.toString(index));
        v.put("harness_pid", Long.toString(harnessPid));
        v.put("peer_port", Integer.toString(members.get(index).port()));
        v.put("peer_url", url(members.get(index).host(), members.get(index).port()));
        v.put("initial_cluster", initialCluster(members));
        v.put("campaign_id", spec.campaignId());
        v.put(ClassDataArchive.PLACEHOLDER, ClassDataArchive.placeholderValue(java, classpath));
        return v;
    }

    /** {@code node-0=http://a:p,node-1=…}: every member by name and peer URL, in etcd's --initial-cluster format. */
    static String initialCluster(List<NodeAddress> members) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(nodeId(i)).append('=').append(url(members.get(i).host(), members.get(i).port()));
        }
        return b.toString();
    }

    static String nodeId(int index) {
        return "node-" + index;
    }

    /** http://host:port, with brackets around an IPv6 literal. */
    static String url(String host, int port) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
