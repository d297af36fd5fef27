package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetProfileTest {

    private static Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        v.put("java", "/jdk/bin/java");
        v.put("classpath", "/cp/a.jar");
        v.put("host", "127.0.0.1");
        v.put("port", "4100");
        v.put("peers", "http://127.0.0.1:4201,http://127.0.0.1:4202");
        v.put("db", "/w/node-0.db");
        v.put("quorum_writes", "2");
        v.put("quorum_timeout_ms", "2000");
        v.put("node_id", "node-0");
        v.put("node_index", "0");
        v.put("harness_pid", "777");
        v.put("cds_archive", "/cache/node-1.jsa");
        return v;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // json | name | argv (space-joined, expanded) | capabilities | health
            "{\"command\":[\"srv\",\"--port\",\"${port}\"]} | dflt | srv --port 4100 | '' | /api/v1/health",
            "{\"name\":\"n\",\"command\":[\"${java}\",\"-cp\",\"${classpath}\"],\"extra_args\":[\"--x\",\"${node_id}\"]}"
                    + " | n | /jdk/bin/java -cp /cp/a.jar --x node-0 | '' | /api/v1/health",
            "{\"command\":[\"s\",\"${peers}\"],\"capabilities\":[\"clock-offset\"],\"health_path\":\"/h\"}"
                    + " | dflt | s http://127.0.0.1:4201,http://127.0.0.1:4202 | clock-offset | /h",
            "{\"command\":[\"s\",\"--w=${quorum_writes}\",\"--t=${quorum_timeout_ms}\",\"--p=${harness_pid}\",\"--i=${node_index}\"],\"description\":\"d\"}"
                    + " | dflt | s --w=2 --t=2000 --p=777 --i=0 | '' | /api/v1/health",
    })
    void parsesGoodProfiles(String json, String name, String argv, String caps, String health) throws ClusterException {
        TargetProfile p = TargetProfile.parse(json, "dflt", "test.json");
        assertEquals(name, p.name());
        assertEquals(argv, String.join(" ", p.commandLine(values(), k -> null).argv()));
        assertEquals(caps.isEmpty() ? Set.of() : Set.of(caps), p.capabilities());
        assertEquals(health, p.healthPath());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"command\":                              | malformed JSON at line 1",
            "[\"srv\"]                                  | must be a JSON object",
            "{}                                         | missing field \"command\"",
            "{\"command\":\"srv --port 1\"}             | \"command\" must be an array of strings",
            "{\"command\":[]}                           | \"command\" must start with the program",
            "{\"command\":[\"\"]}                       | \"command\" must start with the program",
            "{\"command\":[\"s\",5]}                    | \"command\" must be an array of strings",
            "{\"command\":[\"s\"],\"env\":[\"A=1\"]}    | \"env\" must be an object of strings",
            "{\"command\":[\"s\"],\"env\":{\"A\":1}}    | \"env.A\" must be a string",
            "{\"command\":[\"s\"],\"comand\":[\"s\"]}   | unknown field \"comand\"",
            "{\"command\":[\"s\",\"${prot}\"]}          | command[1]: unknown placeholder ${prot}",
            "{\"command\":[\"s\"],\"env\":{\"A\":\"${x}\"}} | env.A: unknown placeholder ${x}",
            "{\"command\":[\"s\"],\"extra_args\":[\"${port\"]} | extra_args[0]: unterminated placeholder",
            "{\"command\":[\"s\"],\"health_path\":\"health\"} | \"health_path\" must start with /",
            "{\"command\":[\"s\"],\"capabilities\":\"clock-offset\"} | \"capabilities\" must be an array of strings",
            "{\"name\":3,\"command\":[\"s\"]}           | \"name\" must be a string",
            "{\"command\":[\"s\",\"--x\",\"${peer_prot}\"]}  | command[2]: unknown placeholder ${peer_prot}",
            "{\"command\":[\"s\"],\"not_applicable\":[\"clock_skew_peer\"]} | \"not_applicable\" must be an object",
            "{\"command\":[\"s\"],\"not_applicable\":{\"clock\":\"x\"}} | not_applicable: unknown fault 'clock' (valid: ",
            "{\"command\":[\"s\"],\"not_applicable\":{\"clock_skew_peer\":\" \"}} | not_applicable.clock_skew_peer must say why",
            "{\"command\":[\"s\"],\"not_applicable\":{\"clock_skew_peer\":true}} | not_applicable.clock_skew_peer must say why",
    })
    void rejectsBadProfilesWithOneLine(String json, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TargetProfile.parse(json, "x", "bad.json"));
        assertTrue(e.getMessage().startsWith("target profile bad.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /**
     * The protocol and host a profile names are checked against the registries when the profile is read, so a typo
     * stops the run before any node starts. Catches a field that is not checked, or checked against the wrong
     * registry, or an error that does not name the field.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // json | the whole one-line message after "target profile bad.json: "
            "{\"command\":[\"s\"],\"protocol\":\"redis\"} | \"protocol\" names no known store protocol: 'redis'"
                    + " (known: ai-memory, http, memory, memory-lossy)",
            "{\"command\":[\"s\"],\"protocol\":\"local\"} | \"protocol\" names no known store protocol: 'local'"
                    + " (known: ai-memory, http, memory, memory-lossy)",
            "{\"command\":[\"s\"],\"protocol\":\"\"}      | \"protocol\" names no known store protocol: ''"
                    + " (known: ai-memory, http, memory, memory-lossy)",
            "{\"command\":[\"s\"],\"host\":\"ssh\"}       | \"host\": \"ssh\" needs a \"nodes\" list saying how to reach"
                    + " each node's host",
            "{\"command\":[\"s\"],\"host\":\"memory\"}    | \"host\" names no known kind of host: 'memory'"
                    + " (known: fake, local, ssh, or netns)",
            "{\"command\":[\"s\"],\"protocol\":5}          | \"protocol\" must be a string",
            "{\"command\":[\"s\"],\"host\":[\"local\"]}   | \"host\" must be a string",
    })
    void rejectsAnUnknownProtocolOrHostNamingTheField(String json, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TargetProfile.parse(json, "x", "bad.json"));
        assertEquals("target profile bad.json: " + message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // json | protocol | host
            "{\"command\":[\"s\"]}                                           | ai-memory    | local",
            "{\"command\":[\"s\"],\"protocol\":\"memory-lossy\",\"host\":\"fake\"} | memory-lossy | fake",
            "{\"command\":[\"s\"],\"protocol\":\"ai-memory\",\"host\":\"local\"} | ai-memory    | local",
    })
    void acceptsAKnownProtocolAndHostDefaultingToAiMemoryOnLocal(String json, String protocol, String host) {
        TargetProfile p = TargetProfile.parse(json, "x", "good.json");
        assertEquals(protocol, p.protocol());
        assertEquals(host, p.hostKind());
        assertEquals(protocol, p.storeTarget().protocol());
    }

    @Test
    void referenceProfileStartsTheNodeCommandWithEveryContractFlag() throws ClusterException {
        TargetProfile p = TargetProfile.resolve("reference");
        List<String> argv = p.commandLine(values(), k -> null).argv();
        assertEquals("/jdk/bin/java", argv.get(0));
        assertTrue(argv.contains("-XX:SharedArchiveFile=/cache/node-1.jsa"), "restarts map the class-data archive");
        String joined = String.join(" ", argv);
        assertTrue(joined.contains("-cp /cp/a.jar dev.quorumbench.cli.Main node serve --host 127.0.0.1 --port 4100"
                + " --quorum-writes 2 --quorum-peers http://127.0.0.1:4201,http://127.0.0.1:4202"
                + " --quorum-timeout-ms 2000 --db /w/node-0.db --node-id node-0 --parent-pid 777"), joined);
        assertTrue(p.has(TargetProfile.CAPABILITY_CLOCK_OFFSET));
    }

    @Test
    void aiMemoryProfileNeedsItsBinaryAndPassesTheDatabaseByEnvironment() throws ClusterException {
        TargetProfile p = TargetProfile.resolve("ai-memory");
        ClusterException e = assertThrows(ClusterException.class, () -> p.commandLine(values(), k -> null));
        assertTrue(e.getMessage().startsWith("AI_MEMORY_BIN is not set"), e.getMessage());
        NodeCommandLine line = p.commandLine(values(), Map.of("AI_MEMORY_BIN", "/opt/ai-memory")::get);
        assertEquals(List.of("/opt/ai-memory", "serve", "--host", "127.0.0.1", "--port", "4100", "--quorum-writes", "2",
                "--quorum-peers", "http://127.0.0.1:4201,http://127.0.0.1:4202"), line.argv());
        assertEquals(Map.of("AI_MEMORY_DB", "/w/node-0.db"), line.env());
        assertFalse(p.has(TargetProfile.CAPABILITY_CLOCK_OFFSET));
    }

    /** The bundled etcd profile: its own namespace hosts, peer ports, the clock class declared not applicable. */
    @Test
    void etcdRunsOnHostsOfItsOwnWithoutTheClockClass() {
        TargetProfile etcd = TargetProfile.resolve("etcd");
        assertTrue(etcd.ownCluster());
        assertFalse(etcd.placed(), "placed only once the run wrote its hosts profile");
        assertFalse(etcd.usesPeerProxies(), "members dial each other's peer URLs");
        assertTrue(etcd.nodeLocalReads());
        assertEquals(java.util.Set.of(dev.quorumbench.run.FaultClass.CLOCK_SKEW_PEER), etcd.notApplicable().keySet());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TargetProfile.parse("{\"command\":[\"s\"],\"host\":\"netns\",\"nodes\":["
                        + HostsProfileTest.node("10.0.0.10", "") + "]}", "x", "x.json"));
        assertTrue(e.getMessage().contains("\"host\": \"netns\" brings up hosts of its own"), e.getMessage());
    }

    @Test
    void notApplicableClassesKeepTheirReasonInClassOrder() {
        TargetProfile p = TargetProfile.parse("{\"command\":[\"s\"],\"not_applicable\":{\"clock_skew_peer\":\" no clock \","
                + "\"partition_minority\":\"one host\"}}", "x", "x.json");
        assertEquals(java.util.List.of(dev.quorumbench.run.FaultClass.PARTITION_MINORITY,
                dev.quorumbench.run.FaultClass.CLOCK_SKEW_PEER), java.util.List.copyOf(p.notApplicable().keySet()));
        assertEquals("no clock", p.notApplicable().get(dev.quorumbench.run.FaultClass.CLOCK_SKEW_PEER));
        assertTrue(TargetProfile.resolve("reference").notApplicable().isEmpty());
    }

    @Test
    void bundledProfilesAreTheOnesInBenchmarksTargets() {
        for (String name : TargetProfile.BUNDLED) {
            assertEquals(TargetProfile.resolve(name), TargetProfile.resolve("benchmarks/targets/" + name + ".json"));
        }
    }


    @Test
    void resolvesAFileAndNamesItAfterTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("my-target.json");
        Files.writeString(f, "{\"command\":[\"/bin/srv\",\"--port\",\"${port}\"],\"env\":{\"DB\":\"${db}\"}}");
        TargetProfile p = TargetProfile.resolve(f.toString());
        assertEquals("my-target", p.name());
        assertEquals(Map.of("DB", "${db}"), p.env());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "refrence                | unknown target 'refrence': not reference or ai-memory or ai-memory-declarative or etcd or reference-netns, and no such profile file",
            "/no/such/profile.json   | unknown target '/no/such/profile.json'",
            "''                      | --target is empty",
    })
    void rejectsUnknownTargets(String arg, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TargetProfile.resolve(arg));
        assertTrue(e.getMessage().startsWith(fragment), e.getMessage());
    }

    @Test
    void malformedFileNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"command\": [\"s\",\n}\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TargetProfile.resolve(f.toString()));
        assertTrue(e.getMessage().startsWith("target profile " + f + ": malformed JSON at line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
