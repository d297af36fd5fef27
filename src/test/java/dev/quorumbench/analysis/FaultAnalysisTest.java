package dev.quorumbench.analysis;

import static dev.quorumbench.analysis.RunFixture.cycle;
import static dev.quorumbench.analysis.RunFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.Schedule;
import dev.quorumbench.run.Thresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven tests of the per-class computation with literal cycle records. */
class FaultAnalysisTest {

    private static final FaultClass F = FaultClass.PARTITION_MINORITY;
    private static final Mechanism REAL = new Mechanism("proxy-blackhole", MechanismStatus.REAL, null);

    private static FaultAnalysis.Context ctx(int planned, Mechanism declared) {
        return new FaultAnalysis.Context(F, planned, Thresholds.DEFAULT, declared, false, false, false, null);
    }

    private static Map<Outcome, Histogram> noLatency() {
        Map<Outcome, Histogram> m = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            m.put(o, LatencyHistograms.empty());
        }
        return m;
    }

    private static List<Integer> present(String spec) {
        List<Integer> l = new ArrayList<>();
        for (String s : spec.split(" ")) {
            l.add(Integer.parseInt(s));
        }
        return l;
    }

    /**
     * Two cycles of 100 writes; the first is always clean (100 ok, 100 on every node); the second varies.
     * Columns: ok, qnm, fail, acked_present of cycle 2, lost, status of cycle 2's event ("none" = no event),
     * expected bound, replica, unreadable, pass, and the one expected reason ("" when passing).
     */
    @ParameterizedTest(name = "{index}: ok={0} present={3} lost={4} status={5}")
    @CsvSource(delimiter = ';', value = {
        "100; 0; 0; 100 100 100; 0; real;        1.0;    1.0;     0; true;  ''",
        "99;  1; 0; 99 99 99;    0; real;        0.995;  1.0;     0; true;  ''",
        "98;  1; 1; 98 98 98;    0; real;        0.99;   1.0;     0; false; 'partition_minority: convergence_bound 0.99 < 0.995'",
        "100; 0; 0; 100 96 100;  0; real;        1.0;    0.98;    0; false; 'partition_minority: replica_convergence 0.98 < 0.99'",
        "100; 0; 0; 100 -1 100;  0; real;        1.0;    1.0;     1; false; 'partition_minority: 1 node read-back(s) failed at the deadline'",
        "100; 0; 0; -1 -1 -1;    0; real;        1.0;    0.5;     3; false; 'partition_minority: replica_convergence 0.5 < 0.99|partition_minority: 3 node read-back(s) failed at the deadline'",
        "100; 0; 0; 100 100 99;  1; real;        1.0;    0.995;   0; false; 'partition_minority: lost_acknowledged 1 > 0'",
        "100; 0; 0; 100 100 100; 0; simulated;   1.0;    1.0;     0; false; 'partition_minority: fault not injected in 1/2 cycles'",
        "100; 0; 0; 100 100 100; 0; none;        1.0;    1.0;     0; false; 'partition_minority: fault not injected in 1/2 cycles'",
        "100; 0; 0; 100 100 120; 0; cooperative; 1.0;    1.0;     0; true;  ''",
    })
    void computesConvergenceAndVerdict(int ok, int qnm, int fail, String acked, int lost, String status,
                                       double bound, double replica, int unreadable, boolean pass, String reason) {
        FaultEvent e2 = status.equals("none") ? null
                : event(2, "proxy-blackhole", MechanismStatus.valueOf(status.toUpperCase()));
        List<CycleRecord> cycles = List.of(
                cycle(F, 1, 100, 100, 0, 0, List.of(100, 100, 100), 0, event(1, "proxy-blackhole",
                        MechanismStatus.REAL), null, null),
                cycle(F, 2, 100, ok, qnm, fail, present(acked), lost, e2, null, null));

        FaultSummary s = FaultAnalysis.summarize(ctx(2, REAL), cycles, noLatency());

        assertEquals(200, s.writes());
        assertEquals(100 + ok, s.ok());
        assertEquals(qnm, s.quorumNotMet());
        assertEquals(fail, s.fail());
        assertEquals(bound, s.convergenceBound(), 1e-12);
        assertEquals(replica, s.replicaConvergence(), 1e-12);
        assertEquals(unreadable, s.nodesUnreadable());
        assertEquals(lost, s.lostAcknowledged());
        assertEquals(pass, s.pass(), () -> "reasons " + s.reasons());
        assertEquals(reason.isEmpty() ? List.of() : List.of(reason.split("\\|")), s.reasons());
        assertTrue(s.complete());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = ';', value = {
        "simulated;   recorded-only; libfaketime missing; 'partition_minority: mechanism recorded-only simulated (libfaketime missing): fault not really injected'",
        "unavailable; iptables;      needs root;          'partition_minority: mechanism iptables unavailable (needs root): fault not really injected'",
    })
    void declaredMechanismThatDidNotInjectFails(String status, String name, String why, String reason) {
        Mechanism declared = new Mechanism(name, MechanismStatus.valueOf(status.toUpperCase()), why);
        List<CycleRecord> cycles = List.of(cycle(F, 1, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                event(1, "proxy-blackhole", MechanismStatus.REAL), null, null));

        FaultSummary s = FaultAnalysis.summarize(ctx(1, declared), cycles, noLatency());

        assertFalse(s.pass());
        assertEquals(List.of(reason), s.reasons());
    }

    @Test
    void nothingAcceptedGivesNullReplicaConvergenceAndFails() {
        List<CycleRecord> cycles = List.of(cycle(F, 1, 10, 0, 0, 10, List.of(0, 0, 0), 0,
                event(1, "proxy-blackhole", MechanismStatus.REAL), null, null));

        FaultSummary s = FaultAnalysis.summarize(ctx(1, REAL), cycles, noLatency());

        assertEquals(0.0, s.convergenceBound());
        assertNull(s.replicaConvergence());
        assertEquals(List.of("partition_minority: convergence_bound 0 < 0.995",
                "partition_minority: replica_convergence undefined (no accepted writes)"), s.reasons());
    }

    @Test
    void replicaConvergenceCountsIndeterminateWritesANodeKept() {
        // 10 writes, 9 acknowledged, 1 quorum_not_met kept by node-0 only: accepted 10, node-1 and node-2 hold 9.
        CycleRecord c = new CycleRecord(1, F, Schedule.Mode.CLOSED_LOOP, 10, 9, 1, 0, 11, List.of(9, 9, 9), 0, List.of(), 1,
                10, List.of(10, 9, 9), 0, true, 50L, null, null, event(1, "proxy-blackhole", MechanismStatus.REAL),
                0L, 1L, null);

        FaultSummary s = FaultAnalysis.summarize(ctx(1, REAL), List.of(c), noLatency());

        assertEquals(0.9, s.replicaConvergence(), 1e-12);
    }

    @Test
    void neverConvergedCyclesAreNotTimed() {
        CycleRecord converged = cycle(F, 1, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                event(1, "proxy-blackhole", MechanismStatus.REAL), null, null);
        CycleRecord stuck = new CycleRecord(2, F, Schedule.Mode.CLOSED_LOOP, 10, 10, 0, 0, 10, List.of(10, 10, 9), 1,
                List.of("x"), 0, 10, List.of(10, 10, 9), 0, false, -1L, null, null,
                event(2, "proxy-blackhole", MechanismStatus.REAL), 0L, 1L, null);

        FaultSummary s = FaultAnalysis.summarize(ctx(2, REAL), List.of(converged, stuck), noLatency());

        assertEquals(new SampleStats(1, 50, 50, 50), s.convergeMs());
        assertEquals(1, s.cyclesConverged());
    }

    @Test
    void missingCyclesMakeTheClassIncomplete() {
        List<CycleRecord> cycles = List.of(cycle(F, 1, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                event(1, "proxy-blackhole", MechanismStatus.REAL), null, null));

        FaultSummary s = FaultAnalysis.summarize(new FaultAnalysis.Context(F, 200, Thresholds.DEFAULT, REAL, true,
                false, false, null), cycles, noLatency());

        assertFalse(s.complete());
        assertFalse(s.pass());
        assertEquals(List.of("incomplete: partition_minority 1/200 cycles",
                "incomplete: phase4-partition_minority.jsonl last line cut off"), s.reasons());
    }

    @Test
    void noCyclesAtAllGiveNullBound() {
        FaultSummary s = FaultAnalysis.summarize(ctx(3, REAL), List.of(), noLatency());

        assertNull(s.convergenceBound());
        assertNull(s.convergeMs());
        assertEquals(0, s.cyclesDone());
        assertTrue(s.reasons().contains("partition_minority: convergence_bound undefined (no writes)"));
        assertTrue(s.reasons().contains("incomplete: partition_minority 0/3 cycles"));
    }

    @Test
    void countsThatDoNotAddUpAreAReason() {
        CycleRecord bad = cycle(F, 1, 10, 9, 0, 0, List.of(9, 9, 9), 0,
                event(1, "proxy-blackhole", MechanismStatus.REAL), null, null);

        FaultSummary s = FaultAnalysis.summarize(ctx(1, REAL), List.of(bad), noLatency());

        assertTrue(s.reasons().contains(
                "partition_minority: ok + quorum_not_met + fail != writes in 1 cycle(s), first 1"), s.reasons()::toString);
    }

    @Test
    void timingsAndMechanismsSeenAreSummarized() {
        List<CycleRecord> cycles = List.of(
                cycle(F, 1, 10, 10, 0, 0, List.of(10, 10, 10), 0, event(1, "sigkill", MechanismStatus.REAL), 300L, null),
                cycle(F, 2, 10, 10, 0, 0, List.of(10, 10, 10), 0, event(2, "sigkill", MechanismStatus.REAL), 500L, null),
                cycle(F, 3, 10, 10, 0, 0, List.of(10, 10, 10), 0, null, null, 59_990L));

        FaultSummary s = FaultAnalysis.summarize(ctx(3, null), cycles, noLatency());

        assertEquals(new SampleStats(3, 60, 70, 70), s.convergeMs());
        assertEquals(new SampleStats(2, 300, 500, 500), s.recoveryMs());
        assertEquals(new SampleStats(1, 59_990, 59_990, 59_990), s.measuredSkewMs());
        assertEquals(List.of(new MechanismUse("none", null, 1), new MechanismUse("sigkill", MechanismStatus.REAL, 2)),
                s.mechanismsSeen());
        assertEquals(new Mechanism("sigkill", MechanismStatus.REAL, null), s.mechanism());
        assertEquals(1, s.cyclesNotInjected());
        assertEquals(3, s.cyclesConverged());
    }

    @Test
    void latencyIsPerOutcomeAndMergedInMilliseconds() {
        Map<Outcome, Histogram> lat = noLatency();
        Arrays.asList(1000L, 2000L, 3000L).forEach(v -> lat.get(Outcome.OK).recordValue(v));
        lat.get(Outcome.FAIL).recordValue(9_000_000L);

        FaultSummary s = FaultAnalysis.summarize(ctx(0, REAL), List.of(), lat);

        assertEquals(List.of("all", "ok", "quorum_not_met", "fail"), List.copyOf(s.latencyMs().keySet()));
        assertEquals(4, s.latencyMs().get("all").count());
        assertEquals(2.0, s.latencyMs().get("ok").p50Ms(), 0.002);
        assertEquals(3.0, s.latencyMs().get("ok").maxMs(), 0.003);
        assertEquals(0, s.latencyMs().get("quorum_not_met").count());
        assertNull(s.latencyMs().get("quorum_not_met").p50Ms());
        assertEquals(9000.0, s.latencyMs().get("all").maxMs(), 9.0);
    }
}
