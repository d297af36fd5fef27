package dev.quorumbench.analysis.compare;

import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Writes run directories for compare and report tests through {@link RunFixture}'s writers: seeded latencies
 * (optionally shifted, as a node started with --extra-latency-ms would be), per-cycle summaries that agree with
 * the .hlog intervals, and fault windows in every cycle.
 */
public final class CompareFixture {

    private CompareFixture() {
    }

    /**
     * A run of {@code faults} × {@code cycles} × {@code writes}; every acknowledged write's latency is a seeded
     * log-normal around 2 ms plus {@code shiftUs}; about one cycle in five has one quorum_not_met.
     */
    public static void run(Path dir, String id, List<FaultClass> faults, int cycles, int writes, long shiftUs, long seed)
            throws IOException {
        Random rnd = new Random(seed);
        Map<FaultClass, Mechanism> mech = new LinkedHashMap<>();
        for (FaultClass f : faults) {
            mech.put(f, new Mechanism("sigstop", MechanismStatus.REAL, null));
        }
        RunFixture.campaign(dir, id, faults, cycles, writes, mech);
        Map<FaultClass, Map<String, Double>> jmh = new LinkedHashMap<>();
        for (FaultClass fault : faults) {
            List<CycleRecord> records = new ArrayList<>();
            List<RunFixture.Interval> intervals = new ArrayList<>();
            long okSum = 0;
            long qnmSum = 0;
            for (int c = 1; c <= cycles; c++) {
                int qnm = rnd.nextInt(5) == 0 ? 1 : 0;
                int ok = writes - qnm;
                long[] lat = new long[ok];
                Histogram h = new Histogram(60_000_000L, 3);
                for (int i = 0; i < ok; i++) {
                    lat[i] = Math.max(100, (long) (Math.exp(0.7 + 0.4 * rnd.nextGaussian()) * 1000) + shiftUs);
                    h.recordValue(lat[i]);
                }
                intervals.add(new RunFixture.Interval(c, Outcome.OK, lat));
                if (qnm > 0) {
                    intervals.add(new RunFixture.Interval(c, Outcome.QUORUM_NOT_MET, 2_000_000 + rnd.nextInt(9_000)));
                }
                CycleRecord base = RunFixture.cycle(fault, c, writes, ok, qnm, 0, List.of(ok, ok, ok), 0,
                        RunFixture.event(c, "sigstop", MechanismStatus.REAL), fault == FaultClass.KILL_PRIMARY_MID_WRITE
                                ? 300L + rnd.nextInt(100) : null, null);
                records.add(new CycleRecord(base.cycle(), base.fault(), base.schedule(), base.writes(), base.ok(),
                        base.quorumNotMet(), base.fail(), base.attempts(), base.ackedPresent(),
                        base.lostAcknowledged(), base.lostIds(), base.indeterminatePresent(), base.accepted(),
                        base.acceptedPresent(), base.duplicates(),
                        base.converged(), 100 + rnd.nextInt(40), base.recoveryMs(), base.measuredSkewMs(),
                        base.faultEvent(), base.cycleStartMs(), base.cycleEndMs(),
                        new CycleRecord.LatencySummary(h.getTotalCount(), h.getValueAtPercentile(50),
                                h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                                h.getValueAtPercentile(99.9), h.getMaxValue())));
                okSum += ok;
                qnmSum += qnm;
            }
            RunFixture.cycles(dir, fault, records);
            RunFixture.hlog(dir, fault, intervals);
            jmh.put(fault, Map.of("ok", (double) okSum, "quorum_not_met", (double) qnmSum, "fail", 0.0,
                    "lost_acknowledged", 0.0));
        }
        RunFixture.jmh(dir, jmh);
    }
}
