package dev.quorumbench.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.analysis.LatencyInterval;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.Schedule;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PlotDataTest {

    @Test
    void percentileCurveRisesToTheMaxAtTheEndOfTheAxis() {
        Histogram h = new Histogram(60_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 10L); // 10 µs … 10 ms
        }
        double max = PercentileAxis.maxPosition(h.getTotalCount());
        Curve c = PercentileCurve.of("ok", h);
        double[] x = c.x();
        double[] y = c.y();
        assertEquals(0, x[0], 1e-9);
        assertEquals(max, x[x.length - 1], 1e-9);
        assertEquals(h.getMaxValue() / 1000.0, y[y.length - 1], 1e-9);
        for (int i = 1; i < x.length; i++) {
            assertTrue(x[i] >= x[i - 1] && y[i] >= y[i - 1], "monotone at " + i);
        }
        // The point nearest 90% is the 900th value, 9 ms (within HdrHistogram's 3 digits).
        int at90 = 0;
        while (x[at90] < 1.0) {
            at90++;
        }
        assertEquals(9.0, y[at90], 0.05);
    }

    @Test
    void emptyHistogramGivesAnEmptyCurve() {
        assertTrue(PercentileCurve.of("fail", new Histogram(3)).isEmpty());
    }

    @Test
    void timelineUsesOkIntervalsAndShiftsFaultWindowsToCampaignTime() {
        Histogram first = new Histogram(60_000_000L, 3);
        first.recordValue(1000);
        first.recordValue(3000);
        Histogram second = new Histogram(60_000_000L, 3);
        second.recordValue(2000);
        Histogram failed = new Histogram(60_000_000L, 3);
        failed.recordValue(9_000_000);
        List<LatencyInterval> intervals = List.of(new LatencyInterval(10, 11, Outcome.OK, first),
                new LatencyInterval(10, 11, Outcome.FAIL, failed), new LatencyInterval(12, 13, Outcome.OK, second));
        long start = 1_700_000_000_000L;
        List<CycleRecord> cycles = List.of(cycle(0, new FaultEvent("sigstop", MechanismStatus.REAL, start + 10_200,
                start + 10_700, "SIGSTOP", null)), cycle(1, new FaultEvent("sigstop", MechanismStatus.UNAVAILABLE, 0,
                0, "no root", null)), cycle(2, null));
        Timeline t = Timeline.of("drop_random_acks", intervals, cycles, start);
        assertArrayEquals(new double[] {10, 12}, t.p99().get(0).x());
        assertEquals(3.0, t.p99().get(0).y()[0], 0.01);
        assertEquals(2.0, t.max().get(0).y()[1], 0.01);
        assertEquals(List.of(new FaultWindow("drop_random_acks", 10.2, 10.7)), t.windows());
    }

    @Test
    void shadingRisesInsideEachWindowAndWidensSlivers() {
        Curve s = Timeline.shading(List.of(new FaultWindow("b", 5, 5), new FaultWindow("a", 1, 2)), 7, 0.5);
        assertArrayEquals(new double[] {1, 1, 2, 2, 5, 5, 5.5, 5.5}, s.x());
        assertArrayEquals(new double[] {0, 7, 7, 0, 0, 7, 7, 0}, s.y());
    }

    @Test
    void shadingJoinsOverlappingWindows() {
        Curve s = Timeline.shading(List.of(new FaultWindow("a", 1, 3), new FaultWindow("a", 2, 4),
                new FaultWindow("a", 4, 4.1)), 1, 0.5);
        assertArrayEquals(new double[] {1, 1, 4.5, 4.5}, s.x());
    }

    static CycleRecord cycle(int n, FaultEvent e) {
        return new CycleRecord(n, FaultClass.DROP_RANDOM_ACKS, Schedule.Mode.CLOSED_LOOP, 10, 10, 0, 0, 10, List.of(10, 10, 10), 0,
                List.of(), 0, 10, List.of(10, 10, 10), 0, true, 100, null, null, e, 0, 0, null);
    }
}
