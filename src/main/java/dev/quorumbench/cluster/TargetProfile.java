package dev.quorumbench.cluster;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.host.Hosts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.store.HttpStore;
import dev.quorumbench.store.StoreProtocols;
import dev.quorumbench.store.StoreTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How to start one node of a target cluster: a small JSON profile with an argv, environment entries,
 * capabilities and extra arguments, all with {@link Placeholders}.
 *
 * <pre>
 * {
 *   "name": "ai-memory",
 *   "command": ["${env:AI_MEMORY_BIN}", "serve", "--host", "${host}", "--port", "${port}",
 *               "--quorum-writes", "${quorum_writes}", "--quorum-peers", "${peers}"],
 *   "env": {"AI_MEMORY_DB": "${db}"},
 *   "capabilities": [],
 *   "extra_args": [],
 *   "health_path": "/api/v1/health",
 *   "protocol": "ai-memory",
 *   "host": "local"
 * }
 * </pre>
 *
 * @param name         the profile's name (its file name without .json when the file has none)
 * @param command      argv of one node, run directly (no shell) so the process we hold is the node itself
 * @param env          environment entries added to the harness's environment for each node
 * @param capabilities what the node supports beyond the common interface, e.g. {@code clock-offset}
 * @param extraArgs    arguments appended to every node's argv
 * @param healthPath   path answering 200 when the node is up
 * @param protocol     the store protocol the harness speaks to the nodes ({@link StoreProtocols}), default ai-memory;
 *                     {@value StoreTarget#HTTP} when the profile describes it with a {@code protocol} object
 * @param hostKind     the kind of host the nodes run on ({@link Hosts}), default local ({@code ssh} with nodes)
 * @param http         the declarative protocol of a {@code protocol} object, else null
 * @param sites        where each node runs, for a {@code hosts} profile (its {@code nodes} list); empty otherwise
 * @param notApplicable fault classes the target cannot suffer, each with the reason (its {@code not_applicable}
 *                     object): they are not run, and the run says so
 */
public record TargetProfile(String name, List<String> command, Map<String, String> env, Set<String> capabilities,
                            List<String> extraArgs, String healthPath, String protocol, String hostKind,
                            HttpStore http, List<NodeSite> sites, Map<FaultClass, String> notApplicable) {

    /** The profiles in {@code benchmarks/targets/}, which the jar bundles. */
    public static final List<String> BUNDLED = List.of("reference", "ai-memory", "ai-memory-declarative", "etcd",
            "reference-netns");

    /** The node accepts {@code --allow-clock-offset} and {@code POST /api/v1/admin/clock-offset}. */
    public static final String CAPABILITY_CLOCK_OFFSET = "clock-offset";

    private static final Set<String> FIELDS = Set.of("name", "description", "command", "env", "capabilities",
            "extra_args", "health_path", "protocol", "host", "nodes", "not_applicable");
    private static final ObjectMapper JSON = new ObjectMapper();

    public TargetProfile {
        command = List.copyOf(command);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        capabilities = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(capabilities));
        extraArgs = List.copyOf(extraArgs);
        sites = List.copyOf(sites);
        notApplicable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notApplicable));
    }

    /**
     * {@code "host": "netns"}: the run brings up a network-namespace cluster of its own (one host per node, sshd in
     * each), writes this profile out as a {@code hosts} profile placing node i on host i, and removes it all at the end.
     */
    public static final String HOST_NETNS = "netns";

    /** Whether the run must bring up the namespace cluster this profile runs on ({@link #HOST_NETNS}). */
    public boolean ownCluster() {
        return HOST_NETNS.equals(hostKind);
    }

    /** Whether this is a {@code hosts} profile: each node on a host of its own, reached over SSH. */
    public boolean placed() {
        return !sites.isEmpty();
    }

    /** Whether the nodes' peer URLs are the harness's link proxies: the command, arguments or env use {@code ${peers}}. */
    public boolean usesPeerProxies() {
        return java.util.stream.Stream.of(command, extraArgs, env.values()).flatMap(java.util.Collection::stream)
                .anyMatch(t -> Placeholders.names(t).contains("peers"));
    }

    public boolean has(String capability) {
        return capabilities.contains(capability);
    }

    /** What the store protocol needs to know of this profile. */
    public StoreTarget storeTarget() {
        return new StoreTarget(protocol, healthPath, has(CAPABILITY_CLOCK_OFFSET), http);
    }

    /** Whether the read-back reads each node's own copy: always for named protocols, as declared for an object. */
    public boolean nodeLocalReads() {
        return http == null || http.list().nodeLocal();
    }

    /**
     * A bundled profile by name ({@code reference}, {@code ai-memory}) or else a JSON file path; anything
     * wrong is an {@link InvalidInputException} with one line.
     */
    public static TargetProfile resolve(String nameOrPath) {
        String text = text(nameOrPath);
        if (BUNDLED.contains(nameOrPath)) {
            return parse(text, nameOrPath, nameOrPath);
        }
        Path file = Path.of(nameOrPath).getFileName();
        String fileName = file == null ? nameOrPath : file.toString();
        return parse(text, fileName.replaceFirst("\\.json$", ""), nameOrPath);
    }

    /** The JSON text of a bundled profile by name or of a profile file; anything wrong is one line. */
    public static String text(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new InvalidInputException("--target is empty (use " + String.join(", ", BUNDLED) + " or a JSON profile file)");
        }
        if (BUNDLED.contains(nameOrPath)) {
            String resource = "/benchmarks/targets/" + nameOrPath + ".json"; // benchmarks/ is bundled by the pom
            try (InputStream in = TargetProfile.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled target profile " + resource + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled target profile " + resource, e);
            }
        }
        try {
            return Files.readString(Path.of(nameOrPath));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("unknown target '" + nameOrPath + "': not " + String.join(" or ", BUNDLED)
                    + ", and no such profile file");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read target profile " + nameOrPath + ": " + e.getMessage());
        }
    }

    /** Parses and validates a profile; {@code origin} names it in error messages. */
    public static TargetProfile parse(String json, String defaultName, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            throw new InvalidInputException("target profile " + origin + ": malformed JSON" + where + ": "
                    + e.getOriginalMessage().replace('\n', ' '));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("target profile " + origin + ": must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new InvalidInputException("target profile " + origin + ": unknown field \"" + f + "\" (fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        try {
            String name = root.has("name") ? text(root.get("name"), "name") : defaultName;
            JsonNode cmd = root.get("command");
            if (cmd == null) {
                throw new InvalidInputException("missing field \"command\" (the argv that starts one node)");
            }
            List<String> command = strings(cmd, "command");
            if (command.isEmpty() || command.get(0).isBlank()) {
                throw new InvalidInputException("\"command\" must start with the program to run");
            }
            Map<String, String> env = new LinkedHashMap<>();
            if (root.has("env")) {
                JsonNode e = root.get("env");
                if (!e.isObject()) {
                    throw new InvalidInputException("\"env\" must be an object of strings");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    env.put(entry.getKey(), text(entry.getValue(), "env." + entry.getKey()));
                }
            }
            List<String> caps = root.has("capabilities") ? strings(root.get("capabilities"), "capabilities") : List.of();
            List<String> extra = root.has("extra_args") ? strings(root.get("extra_args"), "extra_args") : List.of();
            String health = root.has("health_path") ? text(root.get("health_path"), "health_path") : StoreTarget.DEFAULT_HEALTH_PATH;
            if (!health.startsWith("/")) {
                throw new InvalidInputException("\"health_path\" must start with /");
            }
            for (int i = 0; i < command.size(); i++) {
                checkPlaceholders(command.get(i), "command[" + i + "]");
            }
            for (int i = 0; i < extra.size(); i++) {
                checkPlaceholders(extra.get(i), "extra_args[" + i + "]");
            }
            for (Map.Entry<String, String> e : env.entrySet()) {
                checkPlaceholders(e.getValue(), "env." + e.getKey());
            }
            HttpStore http = null;
            String protocol = StoreTarget.AI_MEMORY;
            if (root.has("protocol") && root.get("protocol").isObject()) {
                http = HttpStore.parse(root.get("protocol"), health); // every field checked now, before any start
                protocol = StoreTarget.HTTP;
                health = http.health().path();
            } else if (root.has("protocol")) {
                protocol = text(root.get("protocol"), "protocol");
                if (protocol.equals(StoreTarget.HTTP)) {
                    throw new InvalidInputException("\"protocol\": 'http' is described by an object (write, outcomes, "
                            + "list, health), not named");
                }
            }
            if (!StoreProtocols.known(protocol)) {
                throw new InvalidInputException("\"protocol\" names no known store protocol: '" + protocol
                        + "' (known: " + String.join(", ", StoreProtocols.kinds().keySet()) + ")");
            }
            List<NodeSite> sites = root.has("nodes") ? NodeSites.parse(root.get("nodes")) : List.of();
            String hostKind = root.has("host") ? text(root.get("host"), "host") : sites.isEmpty() ? Hosts.LOCAL : Hosts.SSH;
            if (HOST_NETNS.equals(hostKind) && !sites.isEmpty()) {
                throw new InvalidInputException("\"host\": \"netns\" brings up hosts of its own: a \"nodes\" list "
                        + "is for \"host\": \"ssh\"");
            }
            if (!HOST_NETNS.equals(hostKind) && !Hosts.known(hostKind)) {
                throw new InvalidInputException("\"host\" names no known kind of host: '" + hostKind + "' (known: "
                        + String.join(", ", Hosts.names()) + ", or netns)");
            }
            if (!HOST_NETNS.equals(hostKind) && Hosts.SSH.equals(hostKind) != !sites.isEmpty()) {
                throw new InvalidInputException(sites.isEmpty()
                        ? "\"host\": \"ssh\" needs a \"nodes\" list saying how to reach each node's host"
                        : "\"nodes\" places each node on a host reached over SSH: \"host\" must be \"ssh\", not '"
                                + hostKind + "'");
            }
            checkPeerPorts(sites, command, extra, env.values());
            Map<FaultClass, String> notApplicable = root.has("not_applicable")
                    ? notApplicable(root.get("not_applicable")) : Map.of();
            return new TargetProfile(name, command, env, new LinkedHashSet<>(caps), extra, health, protocol, hostKind,
                    http, sites, notApplicable);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("target profile " + origin + ": " + e.getMessage());
        }
    }

    /** The argv and extra environment of one node, every placeholder expanded. */
    public NodeCommandLine commandLine(Map<String, String> values, Function<String, String> getenv)
            throws ClusterException {
        List<String> argv = new ArrayList<>();
        for (String s : command) {
            argv.add(Placeholders.expand(s, values, getenv));
        }
        for (String s : extraArgs) {
            argv.add(Placeholders.expand(s, values, getenv));
        }
        Map<String, String> e = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : env.entrySet()) {
            e.put(entry.getKey(), Placeholders.expand(entry.getValue(), values, getenv));
        }
        return new NodeCommandLine(argv, e);
    }

    /** Every placeholder of {@code template} exists; the error names {@code field} (e.g. {@code command[3]}). */
    private static void checkPlaceholders(String template, String field) {
        try {
            Placeholders.names(template);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field + ": " + e.getMessage());
        }
    }

    /** {@code {"<fault class>": "<why the target cannot suffer it>", …}}, in fault class order. */
    private static Map<FaultClass, String> notApplicable(JsonNode n) {
        if (!n.isObject()) {
            throw new InvalidInputException("\"not_applicable\" must be an object: {\"<fault class>\": \"<reason>\"}");
        }
        Map<FaultClass, String> declared = new java.util.EnumMap<>(FaultClass.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FaultClass fault;
            try {
                fault = FaultClass.fromKey(e.getKey());
            } catch (InvalidInputException bad) {
                throw new InvalidInputException("not_applicable: " + bad.getMessage());
            }
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new InvalidInputException("not_applicable." + e.getKey()
                        + " must say why (a non-empty string): the report shows it instead of a result");
            }
            declared.put(fault, e.getValue().asText().strip());
        }
        return declared;
    }

    /** A hosts profile that uses a member's peer port must say, per node, which port that is. */
    private static void checkPeerPorts(List<NodeSite> sites, List<String> command, List<String> extra,
                                       java.util.Collection<String> env) {
        List<String> all = new ArrayList<>(command);
        all.addAll(extra);
        all.addAll(env);
        String used = all.stream().flatMap(t -> Placeholders.names(t).stream())
                .filter(Placeholders.PEER_PORT_NAMES::contains).findFirst().orElse(null);
        for (int i = 0; i < sites.size() && used != null; i++) {
            if (sites.get(i).peerPort() == 0) {
                throw new InvalidInputException("nodes[" + i + "].peer_port is required: the command uses ${" + used
                        + "}");
            }
        }
    }

    private static String text(JsonNode n, String field) {
        if (n == null || !n.isTextual()) {
            throw new InvalidInputException("\"" + field + "\" must be a string");
        }
        return n.asText();
    }

    private static List<String> strings(JsonNode n, String field) {
        if (!n.isArray()) {
            throw new InvalidInputException("\"" + field + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw new InvalidInputException("\"" + field + "\" must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }
}
