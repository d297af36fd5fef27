package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code hosts} profile: a node list placing each node on a host reached over SSH; bad ones are one line. */
class HostsProfileTest {

    static String node(String host, String extra) {
        return "{\"ssh\": {\"user\": \"root\", \"host\": \"" + host + "\", \"port\": 2222, \"key_file\": \"/k/id\","
                + " \"known_hosts\": \"/k/known_hosts\"}, \"address\": \"" + host + "\", \"port\": 19077,"
                + " \"data_dir\": \"/var/lib/qb\"" + extra + "}";
    }

    static String profile(String nodes) {
        return "{\"command\": [\"${java}\", \"-cp\", \"${classpath}\", \"x\", \"--host\", \"${host}\"], \"nodes\": ["
                + nodes + "]}";
    }

    @Test
    void nodesPlaceEachNodeOnItsHostAndImplyTheSshKind() {
        TargetProfile p = TargetProfile.parse(profile(node("10.0.0.10", ", \"java\": \"/usr/bin/java\", "
                + "\"classpath\": \"/opt/qb.jar\"") + "," + node("10.0.0.11", ", \"api_url\": \"http://lb:8080/\"")),
                "h", "hosts.json");
        assertEquals("ssh", p.hostKind());
        assertTrue(p.placed());
        NodeSite first = p.sites().get(0);
        assertEquals("root@10.0.0.10:2222", first.ssh().toString());
        assertEquals("http://10.0.0.10:19077", first.apiUrl());
        assertEquals(Path.of("/var/lib/qb/node-0.db"), first.database(0));
        assertEquals("/opt/qb.jar", first.java().classpath());
        assertEquals("http://lb:8080", p.sites().get(1).apiUrl());
        assertEquals("java", p.sites().get(1).java().executable());
        assertFalse(TargetProfile.resolve("reference").placed(), "the local target is unchanged");
        assertEquals(0, first.peerPort(), "no peer port unless given");
        assertEquals(2380, TargetProfile.parse(profile(node("10.0.0.10", ", \"peer_port\": 2380")), "h", "h.json")
                .sites().get(0).peerPort());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"command\": [\"x\"], \"nodes\": []}|\"nodes\" must be a non-empty array",
        "{\"command\": [\"x\"], \"host\": \"ssh\"}|\"host\": \"ssh\" needs a \"nodes\" list",
        "{\"command\": [\"x\"], \"host\": \"local\", \"nodes\": [NODE]}|\"host\" must be \"ssh\"",
        "{\"command\": [\"x\"], \"nodes\": [{\"address\": \"a\"}]}|nodes[0].ssh is required",
        "{\"command\": [\"x\"], \"nodes\": [{\"ssh\": {\"host\": \"a\"}}]}|nodes[0].ssh.user is required",
        "{\"command\": [\"x\"], \"nodes\": [{\"ssh\": {\"user\": \"u\", \"host\": \"a\", \"key_file\": \"id\", \"known_hosts\": \"/k\"}}]}|nodes[0].ssh.key_file must be an absolute path",
        "{\"command\": [\"x\"], \"nodes\": [{\"ssh\": {\"user\": \"u\", \"host\": \"a\", \"port\": 70000, \"key_file\": \"/id\", \"known_hosts\": \"/k\"}}]}|nodes[0].ssh.port must be a port number",
        "{\"command\": [\"x\"], \"nodes\": [NODE, {\"ssh\": {}, \"colour\": 1}]}|nodes[1]: unknown field \"colour\"",
        "{\"command\": [\"x\"], \"nodes\": [BADADDRESS]}|nodes[0].address must be an IP address or a host name, got '10.0.0.1;reboot'",
        "{\"command\": [\"x\", \"${initial_cluster}\"], \"nodes\": [NODE]}|nodes[0].peer_port is required: the command uses ${initial_cluster}",
        "{\"command\": [\"x\"], \"env\": {\"P\": \"${peer_url}\"}, \"nodes\": [NODE]}|nodes[0].peer_port is required: the command uses ${peer_url}",
        "{\"command\": [\"x\"], \"nodes\": [PEERSAMEPORT]}|nodes[0].peer_port must differ from its port 19077",
    })
    void badHostsProfilesAreOneLine(String json, String fragment) {
        String text = json.replace("NODE", node("10.0.0.10", ""))
                .replace("BADADDRESS", node("10.0.0.10", "").replace("\"address\": \"10.0.0.10\"",
                        "\"address\": \"10.0.0.1;reboot\""))
                .replace("PEERSAMEPORT", node("10.0.0.10", ", \"peer_port\": 19077"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TargetProfile.parse(text, "x", "bad.json"));
        assertTrue(e.getMessage().startsWith("target profile bad.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aBadProfileExits2AndAnUnreachableHostExits4NamingIt(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"command\": [\"x\"], \"host\": \"ssh\"}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(dir, bad, err));
        assertEquals(1, err.toString(StandardCharsets.UTF_8).strip().lines().count());

        // Nothing listens on port 1 of loopback: the connection is refused at once.
        Path unreachable = dir.resolve("hosts.json");
        Files.writeString(unreachable, profile(node("127.0.0.1", "").replace("2222", "1")));
        err.reset();
        assertEquals(4, run(dir, unreachable, err));
        String line = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith("quorumbench run: host of node-0: cannot reach root@127.0.0.1:1 over SSH"), line);
        assertEquals(1, line.lines().count(), line);
        assertFalse(Files.exists(dir.resolve("runs")), "nothing recorded");
    }

    private static int run(Path dir, Path target, ByteArrayOutputStream err) {
        return Main.run(new String[] {"--target", target.toString(), "--runs-dir", dir.resolve("runs").toString(),
            "--cycles", "1"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
