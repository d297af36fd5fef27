package dev.quorumbench.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.FaultWindow;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.RunFiles;
import dev.quorumbench.run.Schedule;
import dev.quorumbench.run.Thresholds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Test helper that writes run directories the way the campaign does: campaign.json, JSONL lines of literal
 * {@link CycleRecord}s, an .hlog through {@link HistogramLogWriter} and a JMH-shaped jmh-result.json.
 */
public final class RunFixture {

    /** Campaign start of every fixture, 2026-11-27T22:15:00Z. */
    public static final long START_MS = 1_795_817_700_000L;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One interval of a fixture .hlog: the latencies of one outcome in one cycle. */
    public record Interval(int cycle, Outcome outcome, long... micros) {
    }

    private RunFixture() {
    }

    /** Writes campaign.json; {@code mechanisms} maps fault → mechanism (may be empty). */
    public static void campaign(Path dir, String id, List<FaultClass> faults, int cycles, int writes,
                                Map<FaultClass, Mechanism> mechanisms) throws IOException {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("harness_version", "0.1.0");
        env.put("git_commit", "abc1234");
        env.put("jvm", "17.0.15+6 OpenJDK 64-Bit Server VM");
        env.put("os", "Linux 6.1 amd64");
        env.put("cores", 2);
        env.put("hostname", "fixture");
        env.put("target", "reference");
        CampaignJson.write(plan(dir, id, faults, cycles, writes).withResolution(mechanisms, env)
                .withFinishedAt(START_MS + 14 * 60_000));
    }

    /** The campaign plan of a fixture, as the campaign would have planned it (no mechanisms, no environment). */
    public static CampaignSpec plan(Path dir, String id, List<FaultClass> faults, int cycles, int writes) {
        return new CampaignSpec(id, dir.toString(), faults, cycles, writes, 1, null, null, Thresholds.DEFAULT,
                "reference", List.of(), Map.of(), 2, 2000, 500, 60_000, 0.5, 3, 10_000, 20_000, 20260401L,
                START_MS, Instant.ofEpochMilli(START_MS).toString(), null, null, null, null, null);
    }

    /** One JSONL line, as the campaign writes it. */
    public static String jsonLine(CycleRecord r) throws IOException {
        return dev.quorumbench.record.CycleLog.line(r);
    }

    /** Writes phase4-&lt;fault&gt;.jsonl, one line per record. */
    public static void cycles(Path dir, FaultClass fault, List<CycleRecord> records) throws IOException {
        StringBuilder b = new StringBuilder();
        for (CycleRecord r : records) {
            b.append(jsonLine(r)).append('\n');
        }
        Files.writeString(RunFiles.cycleLog(dir, fault), b.toString());
    }

    /** Writes latency-&lt;fault&gt;.hlog; cycle n's intervals start 2 s × n after the campaign start and last 1.5 s. */
    public static void hlog(Path dir, FaultClass fault, List<Interval> intervals) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(ps);
            w.outputLogFormatVersion();
            w.outputStartTime(START_MS);
            w.setBaseTime(START_MS);
            w.outputLegend();
            for (Interval i : intervals) {
                Histogram h = new Histogram(60_000_000L, 3);
                for (long v : i.micros()) {
                    h.recordValue(v);
                }
                h.setStartTimeStamp(START_MS + 2000L * i.cycle());
                h.setEndTimeStamp(START_MS + 2000L * i.cycle() + 1500);
                h.setTag(i.outcome().key());
                w.outputIntervalHistogram(h);
            }
        }
        Files.write(RunFiles.latencyLog(dir, fault), bytes.toByteArray());
    }

    /** Writes a jmh-result.json with one SingleShotTime benchmark per fault and the given secondary scores. */
    public static void jmh(Path dir, Map<FaultClass, Map<String, Double>> scoresByFault) throws IOException {
        ArrayNode root = MAPPER.createArrayNode();
        scoresByFault.forEach((fault, scores) -> {
            ObjectNode b = root.addObject();
            b.put("jmhVersion", "1.37");
            b.put("benchmark", "dev.quorumbench.bench.Phase4Benchmark.write");
            b.put("mode", "ss");
            b.put("threads", 1);
            b.put("forks", 1);
            b.put("jvm", "/usr/lib/jvm/java-17/bin/java");
            b.put("jdkVersion", "17.0.15");
            b.put("vmName", "OpenJDK 64-Bit Server VM");
            b.put("vmVersion", "17.0.15+6");
            b.putObject("params").put("fault", fault.key());
            ObjectNode primary = b.putObject("primaryMetric");
            primary.put("score", 1.5);
            primary.put("scoreUnit", "s/op");
            ObjectNode sec = b.putObject("secondaryMetrics");
            scores.forEach((k, v) -> {
                ObjectNode m = sec.putObject(k);
                m.put("score", v);
                m.put("scoreError", Double.NaN);
                m.put("scoreUnit", "#");
            });
        });
        Files.writeString(RunFiles.jmhResult(dir), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** A cycle record with the fields analysis reads; timings and ids follow from the cycle number. */
    public static CycleRecord cycle(FaultClass fault, int cycle, int writes, int ok, int qnm, int fail,
                                    List<Integer> ackedPresent, int lost, FaultEvent event, Long recoveryMs,
                                    Long skewMs) {
        List<String> lostIds = new ArrayList<>();
        for (int i = 0; i < lost; i++) {
            lostIds.add("c" + cycle + "-w" + i);
        }
        long start = START_MS + 2000L * cycle;
        int indeterminate = qnm > 0 ? 1 : 0;
        List<Integer> acceptedPresent = ackedPresent == null ? null
                : ackedPresent.stream().map(n -> n < 0 ? n : n + indeterminate).toList();
        // The kill's cycles say where their in-flight writes ended: the retried one everywhere, a qnm one on some.
        CycleRecord.InFlight inFlight = fault != FaultClass.KILL_PRIMARY_MID_WRITE ? null
                : new CycleRecord.InFlight(1 + indeterminate, 1, indeterminate, 0);
        return new CycleRecord(cycle, fault, Schedule.Mode.CLOSED_LOOP, writes, ok, qnm, fail, null, null,
                writes + qnm + fail, ackedPresent, lost, lostIds, indeterminate, inFlight, ok + indeterminate,
                acceptedPresent, 0, lost == 0,
                40L + 10L * cycle, recoveryMs,
                skewMs, event, start, start + 1500, new CycleRecord.LatencySummary(ok, 1500, 2500, 3000, 3000, 3100), null,
                null);
    }

    /** A fault event that took effect, with the given mechanism. */
    public static FaultEvent event(int cycle, String mechanism, MechanismStatus status) {
        long start = START_MS + 2000L * cycle + 300;
        return new FaultEvent(mechanism, status, start, start + 500, mechanism + " in cycle " + cycle, Map.of());
    }

    /** A fault event with an attested window: control, held and seen ms after its apply start. */
    public static FaultEvent windowed(int cycle, String mechanism, long controlMs, long heldMs, long seenMs) {
        FaultEvent e = event(cycle, mechanism, MechanismStatus.REAL);
        long t0 = e.startMs();
        return new FaultEvent(e.mechanism(), e.status(), e.startMs(), e.endMs(), e.detail(), e.measurements(),
                new FaultWindow(t0, t0 + controlMs, t0 + controlMs + heldMs, t0 + seenMs));
    }

    /**
     * A full-size synthetic run: every fault class with {@code cycles} cycles of {@code writes} writes, a few
     * quorum_not_met per cycle, latencies log-normal around 2 ms with a fault-window tail (seeded, repeatable).
     */
    public static void synthetic(Path dir, List<FaultClass> faults, int cycles, int writes, long seed) throws IOException {
        Random rnd = new Random(seed);
        Map<FaultClass, Mechanism> mech = new LinkedHashMap<>();
        String[] names = {"sigkill", "proxy-blackhole", "sigstop", "libfaketime"};
        for (int f = 0; f < faults.size(); f++) {
            mech.put(faults.get(f), new Mechanism(names[f % names.length], MechanismStatus.REAL, null));
        }
        campaign(dir, "synthetic", faults, cycles, writes, mech);
        Map<FaultClass, Map<String, Double>> jmh = new LinkedHashMap<>();
        for (FaultClass fault : faults) {
            List<CycleRecord> records = new ArrayList<>();
            List<Interval> intervals = new ArrayList<>();
            long okSum = 0;
            long qnmSum = 0;
            for (int c = 1; c <= cycles; c++) {
                int qnm = rnd.nextInt(100) < 20 ? 1 : 0;
                int ok = writes - qnm;
                long[] okLat = new long[ok];
                for (int i = 0; i < ok; i++) {
                    double ms = Math.exp(0.7 + 0.5 * rnd.nextGaussian()) + (i >= 3 && i < 8 ? 400 * rnd.nextDouble() : 0);
                    okLat[i] = Math.max(100, (long) (ms * 1000));
                }
                intervals.add(new Interval(c, Outcome.OK, okLat));
                if (qnm > 0) {
                    intervals.add(new Interval(c, Outcome.QUORUM_NOT_MET, 2_000_000 + rnd.nextInt(50_000)));
                }
                Long rec = fault == FaultClass.KILL_PRIMARY_MID_WRITE ? 300L + rnd.nextInt(200) : null;
                Long skew = fault == FaultClass.CLOCK_SKEW_PEER ? 60_000L + rnd.nextInt(5) : null;
                records.add(cycle(fault, c, writes, ok, qnm, 0, List.of(ok, ok, ok), 0,
                        event(c, mech.get(fault).name(), MechanismStatus.REAL), rec, skew));
                okSum += ok;
                qnmSum += qnm;
            }
            cycles(dir, fault, records);
            hlog(dir, fault, intervals);
            jmh.put(fault, Map.of("ok", (double) okSum, "quorum_not_met", (double) qnmSum, "fail", 0.0,
                    "lost_acknowledged", 0.0));
        }
        jmh(dir, jmh);
    }

    /** The fault classes of the source document, in its order. */
    public static final List<FaultClass> FAULTS = List.of(FaultClass.values());

    /**
     * The small run the golden files seal: 4 faults × 3 cycles × 10 writes. kill has one quorum_not_met in 30
     * writes (0.9667 &lt; 0.995, so it fails on convergence_bound) and a slow tail; partition loses one acknowledged
     * write on node-2 and has an unreadable node; drop_random_acks passes; clock_skew_peer is simulated and
     * cannot pass.
     */
    public static void golden(Path dir) throws IOException {
        Map<FaultClass, Mechanism> mech = new LinkedHashMap<>();
        mech.put(FaultClass.KILL_PRIMARY_MID_WRITE, new Mechanism("sigkill", MechanismStatus.REAL, null));
        mech.put(FaultClass.PARTITION_MINORITY, new Mechanism("proxy-blackhole", MechanismStatus.REAL, null));
        mech.put(FaultClass.DROP_RANDOM_ACKS, new Mechanism("sigstop", MechanismStatus.REAL, null));
        mech.put(FaultClass.CLOCK_SKEW_PEER, new Mechanism("recorded-only", MechanismStatus.SIMULATED,
                "libfaketime missing"));
        campaign(dir, "golden", FAULTS, 3, 10, mech);
        cycles(dir, FaultClass.KILL_PRIMARY_MID_WRITE, List.of(
                cycle(FaultClass.KILL_PRIMARY_MID_WRITE, 1, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(1, "sigkill", MechanismStatus.REAL), 420L, null),
                cycle(FaultClass.KILL_PRIMARY_MID_WRITE, 2, 10, 9, 1, 0, List.of(9, 9, 9), 0,
                        event(2, "sigkill", MechanismStatus.REAL), 380L, null),
                cycle(FaultClass.KILL_PRIMARY_MID_WRITE, 3, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(3, "sigkill", MechanismStatus.REAL), 510L, null)));
        cycles(dir, FaultClass.PARTITION_MINORITY, List.of(
                cycle(FaultClass.PARTITION_MINORITY, 1, 10, 10, 0, 0, List.of(10, 10, 9), 1,
                        windowed(1, "proxy-blackhole", 12, 503, 910), null, null),
                cycle(FaultClass.PARTITION_MINORITY, 2, 10, 10, 0, 0, List.of(10, -1, 10), 0,
                        windowed(2, "proxy-blackhole", 9, 501, 1020), null, null),
                cycle(FaultClass.PARTITION_MINORITY, 3, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        windowed(3, "proxy-blackhole", 15, 507, 960), null, null)));
        cycles(dir, FaultClass.DROP_RANDOM_ACKS, List.of(
                cycle(FaultClass.DROP_RANDOM_ACKS, 1, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(1, "sigstop", MechanismStatus.REAL), null, null),
                cycle(FaultClass.DROP_RANDOM_ACKS, 2, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(2, "sigstop", MechanismStatus.REAL), null, null),
                cycle(FaultClass.DROP_RANDOM_ACKS, 3, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(3, "sigstop", MechanismStatus.REAL), null, null)));
        cycles(dir, FaultClass.CLOCK_SKEW_PEER, List.of(
                cycle(FaultClass.CLOCK_SKEW_PEER, 1, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(1, "recorded-only", MechanismStatus.SIMULATED), null, 0L),
                cycle(FaultClass.CLOCK_SKEW_PEER, 2, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(2, "recorded-only", MechanismStatus.SIMULATED), null, 0L),
                cycle(FaultClass.CLOCK_SKEW_PEER, 3, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(3, "recorded-only", MechanismStatus.SIMULATED), null, 0L)));
        long[] fast = {1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100};
        long[] slow9 = {1250, 1350, 1450, 250_000, 310_000, 1750, 1850, 1950, 2050};
        for (FaultClass f : FAULTS) {
            List<Interval> in = new ArrayList<>();
            in.add(new Interval(1, Outcome.OK, fast));
            if (f == FaultClass.KILL_PRIMARY_MID_WRITE) {
                in.add(new Interval(2, Outcome.OK, slow9));
                in.add(new Interval(2, Outcome.QUORUM_NOT_MET, 2_004_000));
            } else {
                in.add(new Interval(2, Outcome.OK, fast));
            }
            in.add(new Interval(3, Outcome.OK, fast));
            hlog(dir, f, in);
        }
        Map<FaultClass, Map<String, Double>> jmh = new LinkedHashMap<>();
        for (FaultClass f : FAULTS) {
            boolean kill = f == FaultClass.KILL_PRIMARY_MID_WRITE;
            jmh.put(f, Map.of("ok", kill ? 29.0 : 30.0, "quorum_not_met", kill ? 1.0 : 0.0, "fail", 0.0,
                    "lost_acknowledged", f == FaultClass.PARTITION_MINORITY ? 1.0 : 0.0));
        }
        jmh(dir, jmh);
    }

    /** Writes a full-size synthetic run into args[0] (default 4 faults × 200 cycles × 100 writes). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int writes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        synthetic(dir, FAULTS, cycles, writes, 42L);
    }
}
