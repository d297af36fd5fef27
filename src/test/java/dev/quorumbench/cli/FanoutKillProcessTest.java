package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kills timed to node-0's replication pushes, end to end: the safe reference node loses nothing when killed
 * while a push is on the wire, and both unsafe write paths (ack-before-commit, dequeue-before-push) are caught
 * losing acknowledged writes. The 200-cycle check of the safe node is run by hand (README "Kills timed to the
 * wire").
 */
@Tag("process")
class FanoutKillProcessTest {

    private static final String KILL = "kill_primary_mid_write";

    @TempDir
    Path runs;

    @Test
    @Timeout(600)
    void theSafeNodeKilledAtFanoutLosesNothingAndEveryKillIsTimedToAPush() throws Exception {
        CampaignRun r = CampaignRun.run(runs, "fanout-safe", "--faults", KILL, "--cycles", "10", "--writes", "20",
                "--warmup-cycles", "0", "--mechanism", KILL + "=sigkill-at-fanout");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertEquals(0, r.fault(KILL).path("lost_acknowledged").asLong());
        List<JsonNode> cycles = r.cycles(KILL);
        assertEquals(10, cycles.size());
        for (JsonNode c : cycles) {
            JsonNode e = c.path("fault_event");
            assertEquals("sigkill-at-fanout", e.path("mechanism").asText());
            assertEquals("real", e.path("status").asText());
            JsonNode m = e.path("measurements");
            assertEquals(0, m.path("fanout_fallback").asInt(-1), "a push came within the wait: " + e);
            assertTrue(m.path("push_to_kill_us").asLong(-1) >= 0, "timed from the push's first byte: " + e);
            assertTrue(m.path("push_peer").asInt() == 1 || m.path("push_peer").asInt() == 2, e.toString());
            assertTrue(c.path("in_flight").isObject(), "where the in-flight writes ended: " + c);
        }
        CampaignProcessTest.assertNoProcessMentions(r.dir());
    }

    @Test
    @Timeout(600)
    void theSafeNodeKilledAfterOnePeersAnswerLosesNothing() throws Exception {
        CampaignRun r = CampaignRun.run(runs, "peer-ack-safe", "--faults", KILL, "--cycles", "3", "--writes", "20",
                "--warmup-cycles", "0", "--mechanism", KILL + "=sigkill-after-peer-ack");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        for (JsonNode c : r.cycles(KILL)) {
            JsonNode m = c.path("fault_event").path("measurements");
            assertEquals(0, m.path("fanout_fallback").asInt(-1), c.path("fault_event").toString());
            assertEquals(1, m.path("push_answered_before_kill").asInt(), c.path("fault_event").toString());
            assertTrue(m.path("answer_to_kill_us").asLong(-1) >= 0, c.path("fault_event").toString());
        }
        CampaignProcessTest.assertNoProcessMentions(r.dir());
    }

    @Test
    @Timeout(600)
    void theUnsafeNodeKilledAtFanoutIsCaughtLosingAcknowledgedWrites() throws Exception {
        // A short quorum timeout: the read-back of a cycle that lost writes waits 10 x this for them in vain.
        CampaignRun r = CampaignRun.run(runs, "fanout-unsafe", "--faults", KILL, "--cycles", "3", "--writes", "20",
                "--warmup-cycles", "0", "--quorum-timeout-ms", "500", "--mechanism", KILL + "=sigkill-at-fanout",
                "--node-args", "--unsafe-ack-before-commit");
        assertEquals(ExitCode.FAILED, r.exit(), r.err());
        assertTrue(r.fault(KILL).path("lost_acknowledged").asLong() > 0, "lost acknowledged writes detected");
        CampaignProcessTest.assertNoProcessMentions(r.dir());
    }

    @Test
    @Timeout(600)
    void theDequeueBeforePushNodeKilledAtFanoutIsCaught() throws Exception {
        // Its rows are out of the table only during a round's pushes: measured, the kill at fanout caught it in 16
        // of 20 cycles (the timer kill in 3), so 5 cycles all missing it would be a 1-in-1000 event.
        CampaignRun r = CampaignRun.run(runs, "dequeue-unsafe", "--faults", KILL, "--cycles", "5", "--writes", "20",
                "--warmup-cycles", "0", "--rate", "50", "--quorum-timeout-ms", "500",
                "--mechanism", KILL + "=sigkill-at-fanout", "--node-args", "--unsafe-dequeue-before-push");
        assertEquals(ExitCode.FAILED, r.exit(), r.err());
        assertTrue(r.fault(KILL).path("lost_acknowledged").asLong() > 0, "lost acknowledged writes detected");
        CampaignProcessTest.assertNoProcessMentions(r.dir());
    }
}
