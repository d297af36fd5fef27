package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.run.FaultClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The statistics on synthetic runs with run-level noise, as on a shared machine: every run's latencies shift by
 * its own random run effect (the A/A false alarms were p50 +0.65 ms between runs of one build), and the
 * cycles of a run vary around that. Pure, seeded and deterministic; no timing is asserted.
 */
class RunNoiseSimulationTest {

    /** Simulated comparisons per rate: enough to tell 5 % from 25 %, cheap enough for the fast loop. */
    static final int PAIRS = 100;
    static final int CYCLES = 20;
    /** Standard deviation of a run's own offset of every latency (ms): the noise between runs. */
    static final double RUN_SD_MS = 0.5;
    /** Standard deviation of one cycle's p50 around its run's level (ms). */
    static final double CYCLE_SD_MS = 0.2;

    /** One run: p50 ≈ 2 ms + run effect + shift, p99 ≈ 8 ms + 3 × run effect + shift, quorum_not_met now and then. */
    static RunSamples run(String id, Random rnd, double shiftMs) {
        double effect = RUN_SD_MS * rnd.nextGaussian();
        double[] p50 = new double[CYCLES];
        double[] p99 = new double[CYCLES];
        double[] qnm = new double[CYCLES];
        double total = 0;
        for (int c = 0; c < CYCLES; c++) {
            p50[c] = 2 + effect + shiftMs + CYCLE_SD_MS * rnd.nextGaussian();
            p99[c] = 8 + 3 * effect + shiftMs + 4 * CYCLE_SD_MS * rnd.nextGaussian();
            qnm[c] = rnd.nextInt(4) == 0 ? 1 : 0;
            total += qnm[c];
        }
        Map<Metric, MetricSamples> m = new EnumMap<>(Metric.class);
        m.put(Metric.LATENCY_P50, new MetricSamples(median(p50), p50));
        m.put(Metric.LATENCY_P99, new MetricSamples(median(p99), p99));
        m.put(Metric.QUORUM_NOT_MET, new MetricSamples(total, qnm));
        return new RunSamples(new RunHeader(id, "closed-loop", CYCLES, 50, true, Map.of()),
                List.of(new FaultSamples(FaultClass.DROP_RANDOM_ACKS, CYCLES, m)));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Share of {@link #PAIRS} seeded comparisons of {@code runs} base runs with {@code runs} head runs that regress. */
    static double regressionRate(int runs, double headShiftMs, long seed) {
        int regressed = 0;
        for (int pair = 0; pair < PAIRS; pair++) {
            Random rnd = new Random(seed * 1_000_003L + pair);
            List<RunSamples> base = new ArrayList<>();
            List<RunSamples> head = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                base.add(run("b" + r, rnd, 0));
                head.add(run("h" + r, rnd, headShiftMs));
            }
            if (Comparison.of(base, head, CompareSettings.defaults()).regressed()) {
                regressed++;
            }
        }
        return (double) regressed / PAIRS;
    }

    @Test
    void oneRunASideMistakesRunNoiseForARegression() {
        // The control: with one run a side no test can tell a run's offset from a change, so the simulated noise
        // must raise false alarms well above alpha here, or the other assertions would prove nothing.
        double rate = regressionRate(1, 0, 1);
        assertTrue(rate > 0.15, "A/A regressions with one run a side: " + rate);
    }

    @Test
    void replicatedRunsKeepTheAaFalseAlarmRateAtAlpha() {
        double rate = regressionRate(5, 0, 2);
        assertTrue(rate <= CompareSettings.DEFAULT_ALPHA, "A/A regressions with 5 runs a side: " + rate);
    }

    @Test
    void replicatedRunsStillFindARealThreeMillisecondShift() {
        double rate = regressionRate(5, 3, 3);
        assertTrue(rate >= 0.9, "+3 ms found with 5 runs a side: " + rate);
    }
}
