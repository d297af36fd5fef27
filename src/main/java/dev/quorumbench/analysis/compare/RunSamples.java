package dev.quorumbench.analysis.compare;

import dev.quorumbench.analysis.FaultData;
import dev.quorumbench.analysis.FaultSummary;
import dev.quorumbench.analysis.LatencyStats;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.SampleStats;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Schedule;
import dev.quorumbench.run.UnsafeSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One analyzed run as {@code compare} sees it: its header and, per fault class, every metric's class-level value
 * (from the {@link FaultSummary} that {@code analyze} computes) with its per-cycle samples (from the JSONL).
 *
 * @param header the run's header
 * @param faults per fault class, in campaign order
 */
public record RunSamples(RunHeader header, List<FaultSamples> faults) {

    public RunSamples {
        faults = List.copyOf(faults);
    }

    /** Environment keys shown first in a header, in this order; other keys follow sorted. */
    private static final List<String> ENV_ORDER = List.of("target", "harness_version", "git_commit", "jvm", "os",
            "cores", "hostname");

    /** The samples of a loaded run and its analysis ({@code Phase4Analysis.analyze(data)}). */
    public static RunSamples of(RunData data, Phase4Report report) {
        List<FaultSamples> faults = new ArrayList<>();
        int maxCycles = 0;
        for (FaultSummary s : report.faults().values()) {
            FaultData fd = data.faults().get(s.fault());
            faults.add(new FaultSamples(s.fault(), s.cyclesDone(), metrics(s, fd)));
            maxCycles = Math.max(maxCycles, s.cyclesDone());
        }
        RunHeader header = new RunHeader(report.campaignId(), scheduleText(report.schedule()),
                maxCycles, report.writesPerCycle(), report.complete(), environment(report), 1,
                RunSettings.of(data.campaign(), List.copyOf(report.faults().keySet())),
                UnsafeSettings.of(data.campaign()));
        return new RunSamples(header, faults);
    }

    /** The samples of fault class {@code f}, or null when this run did not run it. */
    public FaultSamples fault(FaultClass f) {
        return faults.stream().filter(x -> x.fault() == f).findFirst().orElse(null);
    }

    /** The fault classes of this run, in campaign order. */
    public List<FaultClass> faultClasses() {
        return faults.stream().map(FaultSamples::fault).toList();
    }

    private static Map<Metric, MetricSamples> metrics(FaultSummary s, FaultData fd) {
        Map<Metric, MetricSamples> m = new EnumMap<>(Metric.class);
        if (s.cyclesDone() == 0) {
            return m;
        }
        LatencyStats ok = s.latencyMs().get("ok");
        for (Metric metric : Metric.values()) {
            double aggregate = switch (metric) {
                case CONVERGENCE_BOUND -> orNaN(s.convergenceBound());
                case REPLICA_CONVERGENCE -> orNaN(s.replicaConvergence());
                case LOST_ACKNOWLEDGED -> s.lostAcknowledged();
                case FAIL -> s.fail();
                case QUORUM_NOT_MET -> s.quorumNotMet();
                case LATENCY_P50 -> latency(ok, LatencyStats::p50Ms);
                case LATENCY_P90 -> latency(ok, LatencyStats::p90Ms);
                case LATENCY_P99 -> latency(ok, LatencyStats::p99Ms);
                case LATENCY_P999 -> latency(ok, LatencyStats::p999Ms);
                case LATENCY_MAX -> latency(ok, LatencyStats::maxMs);
                case CONVERGE_MS -> median(s.convergeMs());
                case RECOVERY_MS -> median(s.recoveryMs());
            };
            if (!Double.isNaN(aggregate)) {
                m.put(metric, new MetricSamples(aggregate, CycleSamples.of(metric, fd.cycles()),
                        CycleSamples.positions(metric, fd.cycles())));
            }
        }
        return m;
    }

    private static double latency(LatencyStats stats, Function<LatencyStats, Double> f) {
        return stats == null ? Double.NaN : orNaN(f.apply(stats));
    }

    private static double median(SampleStats stats) {
        return stats == null ? Double.NaN : stats.p50();
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    static String scheduleText(Schedule s) {
        if (s.openLoop() && s.ratePerS() != null) {
            return s.mode().key() + " " + Decimals.plain(s.ratePerS()) + "/s";
        }
        return s.mode().key();
    }

    private static Map<String, String> environment(Phase4Report report) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, Object> all = report.environment();
        for (String k : ENV_ORDER) {
            if (all.containsKey(k)) {
                env.put(k, text(all.get(k)));
            }
        }
        all.forEach((k, v) -> env.putIfAbsent(k, text(v)));
        return env;
    }

    /** An environment value as shown; a null (e.g. no git commit known) is "-". */
    static String text(Object v) {
        return v == null ? "-" : String.valueOf(v);
    }
}
