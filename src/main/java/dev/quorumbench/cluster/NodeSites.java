package dev.quorumbench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.host.JavaCommand;
import dev.quorumbench.host.SshEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads the {@code nodes} list of a {@code hosts} profile into {@link NodeSite}s; anything wrong is one line. */
final class NodeSites {

    private static final Set<String> NODE_FIELDS = Set.of("ssh", "address", "port", "api_url", "data_dir", "java",
            "classpath", "peer_port");
    private static final Set<String> SSH_FIELDS = Set.of("user", "host", "port", "key_file", "known_hosts");

    private NodeSites() {
    }

    static List<NodeSite> parse(JsonNode nodes) {
        if (!nodes.isArray() || nodes.isEmpty()) {
            throw new InvalidInputException("\"nodes\" must be a non-empty array (one entry per node, node-0 first)");
        }
        List<NodeSite> sites = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String at = "nodes[" + i + "]";
            JsonNode n = nodes.get(i);
            if (!n.isObject()) {
                throw new InvalidInputException(at + " must be an object");
            }
            known(n, NODE_FIELDS, at);
            JsonNode s = n.get("ssh");
            if (s == null || !s.isObject()) {
                throw new InvalidInputException(at + ".ssh is required: {user, host, port, key_file, known_hosts}");
            }
            known(s, SSH_FIELDS, at + ".ssh");
            SshEndpoint ssh;
            try {
                ssh = new SshEndpoint(text(s, "user", at + ".ssh"), text(s, "host", at + ".ssh"),
                        s.has("port") ? port(s.get("port"), at + ".ssh.port") : 22,
                        absolute(text(s, "key_file", at + ".ssh"), at + ".ssh.key_file"),
                        absolute(text(s, "known_hosts", at + ".ssh"), at + ".ssh.known_hosts"));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(at + ".ssh: " + e.getMessage());
            }
            String address = text(n, "address", at);
            // The address reaches shell commands on the hosts (probes, iptables rules): an IP literal or a host name.
            if (!address.matches("[A-Za-z0-9][A-Za-z0-9.:-]{0,252}")) {
                throw new InvalidInputException(at + ".address must be an IP address or a host name, got '" + address
                        + "'");
            }
            int port = n.has("port") ? port(n.get("port"), at + ".port") : invalid(at + ".port is required");
            String url = n.has("api_url") ? text(n, "api_url", at) : NodeVariables.url(address, port);
            try {
                URI u = URI.create(url);
                if (!"http".equals(u.getScheme()) || u.getHost() == null) {
                    throw new IllegalArgumentException("not http");
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(at + ".api_url must be an http:// URL, got '" + url + "'");
            }
            Path data = absolute(text(n, "data_dir", at), at + ".data_dir");
            JavaCommand java = new JavaCommand(n.has("java") ? text(n, "java", at) : "java",
                    n.has("classpath") ? text(n, "classpath", at) : "");
            int peerPort = n.has("peer_port") ? port(n.get("peer_port"), at + ".peer_port") : 0;
            if (peerPort == port) {
                throw new InvalidInputException(at + ".peer_port must differ from its port " + port);
            }
            sites.add(new NodeSite(ssh, address, port, url.replaceAll("/+$", ""), data, java, peerPort));
        }
        return List.copyOf(sites);
    }

    private static void known(JsonNode n, Set<String> fields, String at) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw new InvalidInputException(at + ": unknown field \"" + f + "\" (fields: "
                        + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new InvalidInputException(at + "." + field + " is required");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InvalidInputException(at + "." + field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static int port(JsonNode v, String at) {
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 65535) {
            throw new InvalidInputException(at + " must be a port number 1-65535, got " + v);
        }
        return v.asInt();
    }

    private static Path absolute(String path, String at) {
        Path p = Path.of(path);
        if (!p.isAbsolute()) {
            throw new InvalidInputException(at + " must be an absolute path, got '" + path + "'");
        }
        return p;
    }

    private static int invalid(String message) {
        throw new InvalidInputException(message);
    }
}
