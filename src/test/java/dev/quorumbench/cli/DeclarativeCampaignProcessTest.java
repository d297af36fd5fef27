package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declarative profiles driven through the real JMH path: the bundled ai-memory description passes against the
 * reference node, and the broken-store controls ({@code dev.quorumbench.store.KvTestNode}) fail as they must — a
 * store that acknowledges without storing loses every write; a store that forwards reads to one node is caught by
 * the node-local read, and when its profile declares the read is not node-local, the run says so.
 */
@Tag("process")
class DeclarativeCampaignProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGETS = Path.of("src", "test", "resources", "targets");
    private static final String FAULT = "partition_minority";

    @TempDir
    Path runs;

    private record Run(int exit, String err, Path dir) {
        JsonNode phase4() throws Exception {
            return JSON.readTree(dir.resolve("phase4.json").toFile());
        }

        JsonNode fault() throws Exception {
            return phase4().path("faults").path(FAULT);
        }
    }

    private Run run(String id, String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--campaign-id", id, "--runs-dir", runs.toString(), "--target", target,
                        "--faults", FAULT, "--cycles", "2", "--writes", "5", "--warmup-cycles", "0",
                        "--quorum-timeout-ms", "300"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        System.out.println("---- " + id + " exit " + exit + "\n" + out.toString(StandardCharsets.UTF_8) + e);
        return new Run(exit, e, runs.resolve(id));
    }

    @Test
    @Timeout(900)
    void declarativeProfilesRunThroughJmhAndTheBrokenStoresFail() throws Exception {
        Run ok = run("declared-ai-memory", "ai-memory-declarative");
        assertEquals(ExitCode.OK, ok.exit, ok.err);
        assertEquals(10, ok.fault().path("ok").asLong(), ok.fault().toString());
        assertEquals(0, ok.fault().path("lost_acknowledged").asLong());
        assertEquals("node-local", ok.phase4().path("environment").path("read_back").asText());

        Run ackOnly = run("ack-only", TARGETS.resolve("kv-ack-only.json").toString());
        assertEquals(ExitCode.FAILED, ackOnly.exit, ackOnly.err);
        assertEquals(10, ackOnly.fault().path("ok").asLong(), "the store acknowledged every write");
        assertEquals(10, ackOnly.fault().path("lost_acknowledged").asLong(), "and kept none: " + ackOnly.fault());
        assertFalse(ackOnly.fault().path("pass").asBoolean());

        Run forwarded = run("forwarding-local", TARGETS.resolve("kv-forwarding-local.json").toString());
        assertEquals(ExitCode.FAILED, forwarded.exit, forwarded.err);
        assertEquals(10, forwarded.fault().path("lost_acknowledged").asLong(),
                "node-local reads of node-1 and node-2 find nothing: " + forwarded.fault());

        Run declared = run("forwarding-declared", TARGETS.resolve("kv-forwarding-declared.json").toString());
        String readBack = declared.phase4().path("environment").path("read_back").asText();
        assertTrue(readBack.startsWith("NOT node-local"), readBack);
        assertTrue(declared.err.contains("read-back NOT node-local"), declared.err);
        assertTrue(Files.readString(declared.dir.resolve("report.md")).contains("read_back: NOT node-local"));
        CampaignProcessTest.assertNoProcessMentions(runs);
    }
}
