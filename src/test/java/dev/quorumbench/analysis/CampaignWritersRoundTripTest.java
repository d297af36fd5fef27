package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.quorumbench.record.CycleLog;
import dev.quorumbench.record.LatencyLog;
import dev.quorumbench.record.OutcomeRecorders;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.RunFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign's own writers (CycleLog, LatencyLog) produce files RunLoader reads back exactly: the contract. */
class CampaignWritersRoundTripTest {

    private static final FaultClass F = FaultClass.DROP_RANDOM_ACKS;

    @TempDir
    Path dir;

    @Test
    void whatTheCampaignWritesAnalysisReads() throws Exception {
        long start = RunFixture.START_MS;
        RunFixture.campaign(dir, "roundtrip", List.of(F), 3, 4,
                Map.of(F, new Mechanism("sigstop", MechanismStatus.REAL, null)));
        OutcomeRecorders recorders = new OutcomeRecorders();
        // Two opens of the log, as two forks of one class would do: the header is written once.
        for (int open = 0; open < 2; open++) {
            try (LatencyLog log = new LatencyLog(RunFiles.latencyLog(dir, F), start, "test");
                 CycleLog cycles = new CycleLog(RunFiles.cycleLog(dir, F))) {
                int first = open == 0 ? 1 : 3;
                int last = open == 0 ? 2 : 3;
                for (int c = first; c <= last; c++) {
                    long cycleStart = start + 10_000L * c;
                    recorders.record(Outcome.OK, 1_000_000L * c);
                    recorders.record(Outcome.OK, 2_000_000L * c);
                    recorders.record(Outcome.OK, 3_000_000L * c);
                    recorders.record(Outcome.QUORUM_NOT_MET, 2_000_000_000L);
                    log.append(recorders.interval(), cycleStart, cycleStart + 4_000);
                    cycles.append(RunFixture.cycle(F, c, 4, 3, 1, 0, List.of(3, 3, 3), 0,
                            RunFixture.event(c, "sigstop", MechanismStatus.REAL), null, null));
                }
            }
        }

        RunData data = RunLoader.load(dir);
        FaultData fd = data.faults().get(F);

        assertEquals(3, fd.cycles().size());
        assertFalse(fd.hlogTruncated());
        assertEquals(6, fd.intervals().size());
        assertEquals(9, fd.histograms().get(Outcome.OK).getTotalCount());
        assertEquals(3, fd.histograms().get(Outcome.QUORUM_NOT_MET).getTotalCount());
        assertEquals(30.0, fd.intervals().get(4).startSec(), 1e-9);
        assertEquals(34.0, fd.intervals().get(4).endSec(), 1e-9);
        FaultSummary s = Phase4Analysis.analyze(data).faults().get(F);
        assertEquals(9.0, s.latencyMs().get("ok").maxMs(), 0.01);
        assertEquals(3.0, s.latencyMs().get("ok").p50Ms(), 0.01, "median of 1,2,3,2,4,6,3,6,9 ms");
        assertEquals(2000.0, s.latencyMs().get("quorum_not_met").p50Ms(), 2.0);
        assertEquals(0.75, s.convergenceBound(), 1e-12);
    }
}
