package dev.quorumbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.cluster.FakeCluster;
import dev.quorumbench.fault.Fault;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.RunFiles;
import dev.quorumbench.store.AttemptResult;
import dev.quorumbench.store.FakeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store seam proven end to end without JMH: a campaign trial whose store is an in-memory fake drives a cycle
 * of writes, reads back every node through the protocol and records the cycle. A store that loses one
 * acknowledged write on one node must show up as lost_acknowledged = 1, and scripted refusals and timeouts as the
 * definite and indeterminate halves of fail.
 */
class CampaignTrialFakeStoreTest {

    private static final FaultClass FAULT = FaultClass.PARTITION_MINORITY;
    private static final int WRITES = 10;

    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void aStoreThatLosesOneAcknowledgedWriteIsCaughtAndFailuresAreSplit() throws Exception {
        String prefix = "qb-fake-" + FAULT + "-c1-w";
        FakeStore store = new FakeStore(3)
                .lose(prefix + 3, 2)                                                    // acked, never on node-2
                .script(prefix + 5, AttemptResult.REJECTED)                             // the store said no
                .script(prefix + 6, AttemptResult.TIMEOUT, AttemptResult.CONFLICT)      // may exist
                .script(prefix + 7, AttemptResult.NOT_SENT, AttemptResult.REJECTED);    // nothing took effect
        FakeCluster cluster = new FakeCluster(List.of(FakeStore.url(0), FakeStore.url(1), FakeStore.url(2)), dir);
        List<String> fired = new ArrayList<>();
        CycleRecord record;
        try (CampaignTrial trial = new CampaignTrial(spec(), FAULT, cluster, new NoOpFault(fired), store, 0)) {
            trial.startCycle(true);
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < WRITES; i++) {
                outcomes.add(trial.writeNext());
            }
            assertEquals(Outcome.FAIL, outcomes.get(4));
            assertEquals(1, trial.endCycle(), "endCycle reports the lost write");
        }
        assertTrue(store.closed() && cluster.closed(), "the trial closes the store and the cluster");
        assertEquals(List.of("inject", "heal"), fired.subList(0, 2), "fired mid-burst and healed (close heals again)");

        List<String> lines = Files.readAllLines(RunFiles.cycleLog(dir, FAULT));
        assertEquals(1, lines.size());
        record = new ObjectMapper().readValue(lines.get(0), CycleRecord.class);
        assertEquals(1, record.lostAcknowledged());
        assertEquals(List.of(prefix + 3), record.lostIds());
        assertEquals(List.of(7, 7, 6), record.ackedPresent());
        assertEquals(7, record.ok());
        assertEquals(3, record.fail());
        assertEquals(2, record.failDefinite());
        assertEquals(1, record.failIndeterminate());
        assertFalse(record.converged());
        assertTrue(lines.get(0).contains("\"fail\":3,\"fail_definite\":2,\"fail_indeterminate\":1,\"attempts\":"),
                "the split is serialised right after fail: " + lines.get(0));
    }

    @Test
    void aLineWrittenBeforeTheSplitStillReads() throws Exception {
        String old = Files.readString(Path.of("runs/baseline-phase4/phase4-partition_minority.jsonl")).lines()
                .findFirst().orElseThrow();
        CycleRecord r = new ObjectMapper().readValue(old, CycleRecord.class);
        assertNull(r.failDefinite());
        assertNull(r.failIndeterminate());
    }

    private CampaignSpec spec() {
        return new CampaignSpec("fake", dir.toString(), List.of(FAULT), 1, WRITES, 0, null, null, null, "reference",
                null, null, 2, 100, 0, 60_000, 0.5, 2, 200, 300, 1, 0, null, null, null, null, null, null);
    }

    /** A fault that records its calls and changes nothing (the test is about the store, not the fault). */
    private record NoOpFault(List<String> calls) implements Fault {
        @Override
        public FaultClass faultClass() {
            return FaultClass.PARTITION_MINORITY;
        }

        @Override
        public Mechanism mechanism() {
            return new Mechanism("noop", MechanismStatus.SIMULATED, "test double");
        }

        @Override
        public void inject() {
            calls.add("inject");
        }

        @Override
        public Map<String, Long> heal() {
            calls.add("heal");
            return Map.of();
        }

        @Override
        public long windowMs() {
            return 0;
        }
    }
}
