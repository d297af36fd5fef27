package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Schedule;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CycleSamplesTest {

    /** Three literal cycles: a clean one, one with a quorum_not_met and a short node, one with no ack at all. */
    static final List<CycleRecord> CYCLES = List.of(
            cycle(1, 10, 10, 0, List.of(10, 10, 10), 0, 120, 400L, new CycleRecord.LatencySummary(10, 1500, 2500,
                    3000, 3000, 3100)),
            cycle(2, 10, 9, 1, List.of(9, -1, 8), 1, 300, null, new CycleRecord.LatencySummary(9, 1700, 2600, 9000,
                    9000, 9500)),
            cycle(3, 10, 0, 10, List.of(-1, -1, -1), 0, 50, 700L, null),
            cycle(4, 10, 10, 0, List.of(10, 10, 10), 0, -1, null, null));

    /** A newer line with accepted writes: 9 acked + 1 indeterminate kept; the fewest any node lists is 8. */
    static final CycleRecord ACCEPTED = new CycleRecord(5, FaultClass.PARTITION_MINORITY, Schedule.Mode.CLOSED_LOOP, 10, 9, 1, 0, 10,
            List.of(9, 9, 9), 0, List.of(), 1, 10, List.of(10, 8, -1), 0, true, 80, null, null, null, 0, 0, null);

    static CycleRecord cycle(int n, int writes, int ok, int qnm, List<Integer> present, int lost, long convergeMs,
            Long recoveryMs, CycleRecord.LatencySummary latency) {
        return new CycleRecord(n, FaultClass.KILL_PRIMARY_MID_WRITE, Schedule.Mode.CLOSED_LOOP, writes, ok, qnm, 0, writes, present, lost,
                List.of(), 0, 0, null, 0, convergeMs >= 0, convergeMs, recoveryMs, null, null, 0, 0, latency);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        convergence_bound   | 1 0.9 0 1
        replica_convergence | 1 0.8888888888888888 1
        lost_acknowledged   | 0 1 0 0
        quorum_not_met      | 0 1 10 0
        fail                | 0 0 0 0
        latency_p50         | 1.5 1.7
        latency_p99         | 3 9
        latency_max         | 3.1 9.5
        converge_ms         | 120 300 50
        recovery_ms         | 400 700
        """)
    void onePerCycleThatHasData(String metric, String expected) {
        assertArrayEquals(VerdictRuleTest.parse(expected),
                CycleSamples.of(Metric.byKeyOrGroup(metric).get(0), CYCLES), 1e-12);
    }

    /** Which cycle (0-based) each value of {@link #onePerCycleThatHasData} came from: the gaps stay where they were. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        convergence_bound   | 0 1 2 3
        replica_convergence | 0 1 3
        lost_acknowledged   | 0 1 2 3
        latency_p50         | 0 1
        converge_ms         | 0 1 2
        recovery_ms         | 0 2
        """)
    void positionsSayWhichCycleEachValueCameFrom(String metric, String expected) {
        Metric m = Metric.byKeyOrGroup(metric).get(0);
        int[] positions = CycleSamples.positions(m, CYCLES);
        assertEquals(expected, String.join(" ", java.util.Arrays.stream(positions).mapToObj(Integer::toString).toList()));
        assertEquals(CycleSamples.of(m, CYCLES).length, positions.length);
    }

    @org.junit.jupiter.api.Test
    void replicaConvergenceCountsAcceptedWritesWhenTheLineHasThem() {
        assertArrayEquals(new double[] {0.8}, CycleSamples.of(Metric.REPLICA_CONVERGENCE, List.of(ACCEPTED)), 1e-12);
    }
}
