package dev.quorumbench.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.CycleRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    public static void campaign(Path dir, String id, List<String> faults, int cycles, int writes,
                                Map<String, Mechanism> mechanisms) throws IOException {
        Files.createDirectories(dir);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("campaign_id", id);
        o.put("started_at", "2026-11-27T22:15:00Z");
        o.put("finished_at", "2026-11-27T22:29:00Z");
        ArrayNode fs = o.putArray("faults");
        faults.forEach(fs::add);
        o.put("cycles", cycles);
        o.put("writes", writes);
        o.put("warmup_cycles", 1);
        o.put("schedule", "closed-loop");
        o.putNull("rate_per_s");
        ObjectNode th = o.putObject("thresholds");
        th.put("convergence_bound", 0.995);
        th.put("replica_convergence", 0.99);
        th.put("lost_acknowledged", 0);
        o.put("target", "reference");
        o.putArray("node_args");
        o.put("quorum_writes", 2);
        o.put("quorum_timeout_ms", 2000);
        o.put("fault_window_ms", 500);
        o.put("skew_ms", 60000);
        ObjectNode ms = o.putObject("mechanisms");
        mechanisms.forEach((f, m) -> {
            ObjectNode mo = ms.putObject(f);
            mo.put("name", m.name());
            mo.put("status", m.status().key());
            mo.put("reason", m.reason());
        });
        ObjectNode env = o.putObject("environment");
        env.put("harness_version", "0.1.0");
        env.put("git_commit", "abc1234");
        env.put("jvm", "17.0.15+6 OpenJDK 64-Bit Server VM");
        env.put("os", "Linux 6.1 amd64");
        env.put("cores", 2);
        env.put("hostname", "fixture");
        env.put("target", "reference");
        Files.writeString(dir.resolve(RunLoader.CAMPAIGN), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    }

    /** One JSONL line, as the campaign writes it. */
    public static String jsonLine(CycleRecord r) throws IOException {
        return dev.quorumbench.record.CycleLog.line(r);
    }

    /** Writes phase4-&lt;fault&gt;.jsonl, one line per record. */
    public static void cycles(Path dir, String fault, List<CycleRecord> records) throws IOException {
        StringBuilder b = new StringBuilder();
        for (CycleRecord r : records) {
            b.append(jsonLine(r)).append('\n');
        }
        Files.writeString(dir.resolve(RunLoader.jsonlName(fault)), b.toString());
    }

    /** Writes latency-&lt;fault&gt;.hlog; cycle n's intervals start 2 s × n after the campaign start and last 1.5 s. */
    public static void hlog(Path dir, String fault, List<Interval> intervals) throws IOException {
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
        Files.write(dir.resolve(RunLoader.hlogName(fault)), bytes.toByteArray());
    }

    /** Writes a jmh-result.json with one SingleShotTime benchmark per fault and the given secondary scores. */
    public static void jmh(Path dir, Map<String, Map<String, Double>> scoresByFault) throws IOException {
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
            b.putObject("params").put("fault", fault);
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
        Files.writeString(dir.resolve(RunLoader.JMH_RESULT), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** A cycle record with the fields analysis reads; timings and ids follow from the cycle number. */
    public static CycleRecord cycle(String fault, int cycle, int writes, int ok, int qnm, int fail,
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
        return new CycleRecord(cycle, fault, "closed-loop", writes, ok, qnm, fail, writes + qnm + fail,
                ackedPresent, lost, lostIds, indeterminate, ok + indeterminate, acceptedPresent, 0, lost == 0,
                40L + 10L * cycle, recoveryMs,
                skewMs, event, start, start + 1500, new CycleRecord.LatencySummary(ok, 1500, 2500, 3000, 3000, 3100));
    }

    /** A fault event that took effect, with the given mechanism. */
    public static FaultEvent event(int cycle, String mechanism, MechanismStatus status) {
        long start = START_MS + 2000L * cycle + 300;
        return new FaultEvent(mechanism, status, start, start + 500, mechanism + " in cycle " + cycle, Map.of());
    }

    /**
     * A full-size synthetic run: every fault class with {@code cycles} cycles of {@code writes} writes, a few
     * quorum_not_met per cycle, latencies log-normal around 2 ms with a fault-window tail (seeded, repeatable).
     */
    public static void synthetic(Path dir, List<String> faults, int cycles, int writes, long seed) throws IOException {
        Random rnd = new Random(seed);
        Map<String, Mechanism> mech = new java.util.LinkedHashMap<>();
        String[] names = {"sigkill", "proxy-blackhole", "sigstop", "libfaketime"};
        for (int f = 0; f < faults.size(); f++) {
            mech.put(faults.get(f), new Mechanism(names[f % names.length], MechanismStatus.REAL, null));
        }
        campaign(dir, "synthetic", faults, cycles, writes, mech);
        Map<String, Map<String, Double>> jmh = new java.util.LinkedHashMap<>();
        for (String fault : faults) {
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
                Long rec = fault.startsWith("kill") ? 300L + rnd.nextInt(200) : null;
                Long skew = fault.startsWith("clock") ? 60_000L + rnd.nextInt(5) : null;
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
    public static final List<String> FAULTS = List.of("kill_primary_mid_write", "partition_minority",
            "drop_random_acks", "clock_skew_peer");

    /**
     * The small run the golden files seal: 4 faults × 3 cycles × 10 writes. kill has one quorum_not_met in 30
     * writes (0.9667 &lt; 0.995, so it fails on convergence_bound) and a slow tail; partition loses one acknowledged
     * write on node-2 and has an unreadable node; drop_random_acks passes; clock_skew_peer is simulated and
     * cannot pass.
     */
    public static void golden(Path dir) throws IOException {
        Map<String, Mechanism> mech = new java.util.LinkedHashMap<>();
        mech.put("kill_primary_mid_write", new Mechanism("sigkill", MechanismStatus.REAL, null));
        mech.put("partition_minority", new Mechanism("proxy-blackhole", MechanismStatus.REAL, null));
        mech.put("drop_random_acks", new Mechanism("sigstop", MechanismStatus.REAL, null));
        mech.put("clock_skew_peer", new Mechanism("recorded-only", MechanismStatus.SIMULATED,
                "libfaketime missing"));
        campaign(dir, "golden", FAULTS, 3, 10, mech);
        cycles(dir, "kill_primary_mid_write", List.of(
                cycle("kill_primary_mid_write", 1, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(1, "sigkill", MechanismStatus.REAL), 420L, null),
                cycle("kill_primary_mid_write", 2, 10, 9, 1, 0, List.of(9, 9, 9), 0,
                        event(2, "sigkill", MechanismStatus.REAL), 380L, null),
                cycle("kill_primary_mid_write", 3, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(3, "sigkill", MechanismStatus.REAL), 510L, null)));
        cycles(dir, "partition_minority", List.of(
                cycle("partition_minority", 1, 10, 10, 0, 0, List.of(10, 10, 9), 1,
                        event(1, "proxy-blackhole", MechanismStatus.REAL), null, null),
                cycle("partition_minority", 2, 10, 10, 0, 0, List.of(10, -1, 10), 0,
                        event(2, "proxy-blackhole", MechanismStatus.REAL), null, null),
                cycle("partition_minority", 3, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(3, "proxy-blackhole", MechanismStatus.REAL), null, null)));
        cycles(dir, "drop_random_acks", List.of(
                cycle("drop_random_acks", 1, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(1, "sigstop", MechanismStatus.REAL), null, null),
                cycle("drop_random_acks", 2, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(2, "sigstop", MechanismStatus.REAL), null, null),
                cycle("drop_random_acks", 3, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(3, "sigstop", MechanismStatus.REAL), null, null)));
        cycles(dir, "clock_skew_peer", List.of(
                cycle("clock_skew_peer", 1, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(1, "recorded-only", MechanismStatus.SIMULATED), null, 0L),
                cycle("clock_skew_peer", 2, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(2, "recorded-only", MechanismStatus.SIMULATED), null, 0L),
                cycle("clock_skew_peer", 3, 10, 10, 0, 0, List.of(10, 10, 10), 0,
                        event(3, "recorded-only", MechanismStatus.SIMULATED), null, 0L)));
        long[] fast = {1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100};
        long[] slow9 = {1250, 1350, 1450, 250_000, 310_000, 1750, 1850, 1950, 2050};
        for (String f : FAULTS) {
            List<Interval> in = new ArrayList<>();
            in.add(new Interval(1, Outcome.OK, fast));
            if (f.equals("kill_primary_mid_write")) {
                in.add(new Interval(2, Outcome.OK, slow9));
                in.add(new Interval(2, Outcome.QUORUM_NOT_MET, 2_004_000));
            } else {
                in.add(new Interval(2, Outcome.OK, fast));
            }
            in.add(new Interval(3, Outcome.OK, fast));
            hlog(dir, f, in);
        }
        Map<String, Map<String, Double>> jmh = new java.util.LinkedHashMap<>();
        for (String f : FAULTS) {
            boolean kill = f.equals("kill_primary_mid_write");
            jmh.put(f, Map.of("ok", kill ? 29.0 : 30.0, "quorum_not_met", kill ? 1.0 : 0.0, "fail", 0.0,
                    "lost_acknowledged", f.equals("partition_minority") ? 1.0 : 0.0));
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
