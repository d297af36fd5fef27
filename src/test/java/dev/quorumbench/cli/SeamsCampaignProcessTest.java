package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorumbench.host.FakeHostKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two seams proven through the real JMH path: a store protocol and a kind of host that exist only in the tests,
 * registered as plug-ins are ({@code META-INF/services}), named by a target profile, and driven by a short campaign
 * in JMH forks exactly as the reference target is.
 */
@Tag("process")
class SeamsCampaignProcessTest {

    private static final Path TARGETS = Path.of("src", "test", "resources", "targets");

    @TempDir
    Path runs;

    private CampaignRun run(String id, String target, String faults) {
        return CampaignRun.run(runs, id, "--target", TARGETS.resolve(target).toString(), "--faults", faults,
                "--cycles", "2", "--writes", "5", "--warmup-cycles", "0");
    }

    @Test
    @Timeout(600)
    void aStoreProtocolFromThePluginPathRunsTheCampaignAndItsLossesAreCaught() throws Exception {
        CampaignRun ok = run("memory", "memory-store.json", "kill_primary_mid_write,partition_minority");
        assertEquals(ExitCode.OK, ok.exit(), ok.err());
        for (String fault : List.of("kill_primary_mid_write", "partition_minority")) {
            for (JsonNode c : ok.cycles(fault)) {
                assertEquals(5, c.path("ok").asInt(), fault + ": the memory store acknowledges every write");
                assertEquals("real", c.path("fault_event").path("status").asText(), fault);
            }
        }

        // The same campaign against the lossy variant: only the plug-in store can have lost these writes.
        CampaignRun lossy = run("lossy", "memory-store-lossy.json", "partition_minority");
        assertEquals(ExitCode.FAILED, lossy.exit(), lossy.err());
        JsonNode f = lossy.fault("partition_minority");
        assertEquals(2, f.path("lost_acknowledged").asLong(), "one lost write per cycle: " + f);
        assertFalse(f.path("pass").asBoolean());
        for (JsonNode c : lossy.cycles("partition_minority")) {
            assertTrue(c.path("lost_ids").get(0).asText().endsWith("-w2"), c.toString());
        }
        CampaignProcessTest.assertNoProcessMentions(runs);
    }

    @Test
    @Timeout(600)
    void aKindOfHostFromThePluginPathReceivesTheFaults() throws Exception {
        CampaignRun r = run("fakehost", "fake-host.json", "kill_primary_mid_write,drop_random_acks");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        for (JsonNode c : r.cycles("kill_primary_mid_write")) {
            long pid = pidIn(c.path("fault_event").path("detail").asText(), "SIGKILL pid ");
            assertTrue(pid > FakeHostKind.FIRST_PID, "the SIGKILL went to the fake host: " + c);
            assertTrue(c.path("recovery_ms").isNumber(), "restarted on the fake host: " + c);
        }
        for (JsonNode c : r.cycles("drop_random_acks")) {
            long pid = pidIn(c.path("fault_event").path("detail").asText(), "SIGSTOP pid ");
            assertTrue(pid > FakeHostKind.FIRST_PID, "the SIGSTOP went to the fake host: " + c);
        }
    }

    private static long pidIn(String detail, String prefix) {
        int at = detail.indexOf(prefix);
        assertTrue(at >= 0, "no '" + prefix + "' in: " + detail);
        return Long.parseLong(detail.substring(at + prefix.length()).split("\\D", 2)[0]);
    }
}
