package dev.quorumbench.netns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quorumbench.host.JavaCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code hosts} target profile of a namespace cluster: the reference node on each host, or a given
 * profile's own command ({@code "host": "netns"}) placed one node per host, reached over SSH.
 */
final class HostsProfile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The reference node's command as in {@code benchmarks/targets/reference.json}. {@code --parent-pid} works here
     * because the namespaces share the machine's process table: a node whose harness died exits by itself.
     */
    static final List<String> REFERENCE_COMMAND = List.of("${java}", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-cp", "${classpath}", "dev.quorumbench.cli.Main", "node", "serve",
            "--host", "${host}", "--port", "${port}", "--quorum-writes", "${quorum_writes}",
            "--quorum-peers", "${peers}", "--quorum-timeout-ms", "${quorum_timeout_ms}", "--db", "${db}",
            "--node-id", "${node_id}", "--parent-pid", "${harness_pid}");

    private HostsProfile() {
    }

    static void write(Path file, NetnsLayout layout, ClusterFiles files, JavaCommand java) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "netns-" + layout.name());
        p.put("description", "The network-namespace cluster '" + layout.name() + "' on this machine (cluster up): one "
                + "reference node per namespace, controlled over SSH.");
        p.put("host", "ssh");
        p.put("protocol", "ai-memory");
        p.put("command", REFERENCE_COMMAND);
        p.put("capabilities", List.of("clock-offset"));
        p.put("nodes", nodes(layout, files, java));
        Files.writeString(file, JSON.writeValueAsString(p) + "\n");
    }

    /**
     * Writes {@code profile} (a profile's JSON object, {@code "host": "netns"}) as the hosts profile of this
     * cluster: every field kept, {@code host} now {@code ssh}, and a {@code nodes} list placing node i on host i.
     */
    static void materialise(Path file, com.fasterxml.jackson.databind.node.ObjectNode profile, NetnsLayout layout,
                            ClusterFiles files, JavaCommand java, Path dataRoot) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode p = profile.deepCopy();
        p.put("host", "ssh");
        List<Map<String, Object>> nodes = nodes(layout, files, java);
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).put("data_dir", dataRoot.resolve("node-" + i).toString());
        }
        p.set("nodes", JSON.valueToTree(nodes));
        Files.writeString(file, JSON.writeValueAsString(p) + "\n");
    }

    private static List<Map<String, Object>> nodes(NetnsLayout layout, ClusterFiles files, JavaCommand java) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < layout.hosts(); i++) {
            Map<String, Object> ssh = new LinkedHashMap<>();
            ssh.put("user", "root");
            ssh.put("host", layout.hostAddress(i));
            ssh.put("port", NetnsCluster.SSH_PORT);
            ssh.put("key_file", files.clientKey().toString());
            ssh.put("known_hosts", files.knownHosts().toString());
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("ssh", ssh);
            n.put("address", layout.hostAddress(i));
            n.put("port", NetnsCluster.NODE_PORT);
            n.put("peer_port", NetnsCluster.PEER_PORT);
            n.put("api_url", "http://" + layout.hostAddress(i) + ":" + NetnsCluster.NODE_PORT);
            n.put("data_dir", files.dataDir(i).toString());
            n.put("java", java.executable());
            n.put("classpath", java.classpath());
            nodes.add(n);
        }
        return nodes;
    }
}
