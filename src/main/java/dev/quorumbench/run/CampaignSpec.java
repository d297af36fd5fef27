package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorumbench.InvalidInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Java shape of {@code campaign.json}: what a campaign runs (fault classes, cycles × writes, target,
 * schedule, thresholds, fault parameters) and, once known, when it started and finished, the mechanism each fault
 * class resolved to and the environment.
 *
 * <p>The parent process writes it; each JMH fork and {@code analysis} read it back through {@link CampaignJson},
 * so the benchmark sees exactly what the user asked for and the run directory documents it. The components are
 * in the file's key order.
 *
 * @param mechanisms  declared mechanism per fault class, in campaign order (empty until resolved)
 * @param environment harness_version, git_commit, jvm, os, cores, hostname, target… (empty until captured)
 * @param startedAt   RFC 3339 form of {@code startedAtMs}
 * @param finishedAt  RFC 3339 end time, null while running or after an interruption
 * @param notApplicable fault classes the target declares it cannot suffer, with the reason, in class order; they
 *                    are not run (absent from the file when there are none, so older files read unchanged)
 * @param interleaving  this run's place in an interleaved A/B campaign (base or head arm), null (absent from the
 *                    file) for an ordinary run
 */
public record CampaignSpec(
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("run_dir") String runDir,
        @JsonProperty("faults") List<FaultClass> faults,
        @JsonProperty("cycles") int cycles,
        @JsonProperty("writes") int writes,
        @JsonProperty("warmup_cycles") int warmupCycles,
        @JsonProperty("schedule") Schedule.Mode schedule,
        @JsonProperty("rate_per_s") Double ratePerS,
        @JsonProperty("thresholds") Thresholds thresholds,
        @JsonProperty("target") String target,
        @JsonProperty("node_args") List<String> nodeArgs,
        @JsonProperty("mechanism_overrides") Map<FaultClass, String> mechanismOverrides,
        @JsonProperty("quorum_writes") int quorumWrites,
        @JsonProperty("quorum_timeout_ms") long quorumTimeoutMs,
        @JsonProperty("fault_window_ms") long faultWindowMs,
        @JsonProperty("skew_ms") long skewMs,
        @JsonProperty("drop_share") double dropShare,
        @JsonProperty("fire_after_write") int fireAfterWrite,
        @JsonProperty("write_deadline_ms") long writeDeadlineMs,
        @JsonProperty("converge_deadline_ms") long convergeDeadlineMs,
        @JsonProperty("seed") long seed,
        @JsonProperty("started_at_ms") long startedAtMs,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("finished_at") String finishedAt,
        @JsonProperty("mechanisms") Map<FaultClass, Mechanism> mechanisms,
        @JsonProperty("environment") Map<String, Object> environment,
        @JsonProperty("not_applicable") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<FaultClass, String> notApplicable,
        @JsonProperty("interleaving") @JsonInclude(JsonInclude.Include.NON_NULL) Interleaving interleaving) {

    /** Nodes in every campaign cluster (cluster/ClusterSpec's default): the upper bound of quorum_writes. */
    public static final int CLUSTER_NODES = 3;
    /** Bounds that keep every derived quantity (intended start times, file sizes) finite and in range. */
    public static final int MAX_CYCLES = 100_000;
    public static final int MAX_WRITES = 1_000_000;
    public static final double MIN_RATE_PER_S = 0.001;
    public static final double MAX_RATE_PER_S = 1_000_000;

    /** Validates the invariants a campaign needs; the message names the broken rule. */
    public CampaignSpec {
        if (campaignId == null || campaignId.isBlank()) {
            throw new InvalidInputException("campaign_id is missing");
        }
        if (faults == null || faults.isEmpty()) {
            throw new InvalidInputException("at least one fault class is needed");
        }
        if (cycles < 1 || writes < 1 || warmupCycles < 0) {
            throw new InvalidInputException("--cycles and --writes must be ≥ 1 (got cycles=" + cycles + ", writes=" + writes + ")");
        }
        if (cycles > MAX_CYCLES || writes > MAX_WRITES || warmupCycles > MAX_CYCLES) {
            throw new InvalidInputException("--cycles and --warmup-cycles must be ≤ " + MAX_CYCLES + ", --writes ≤ "
                    + MAX_WRITES + " (got cycles=" + cycles + ", warmup_cycles=" + warmupCycles + ", writes=" + writes + ")");
        }
        if (ratePerS != null && !(ratePerS > 0)) {
            throw new InvalidInputException("--rate must be a positive number of writes per second");
        }
        if (ratePerS != null && !(ratePerS >= MIN_RATE_PER_S && ratePerS <= MAX_RATE_PER_S)) {
            // Outside this range a write's intended start (n / rate, in nanoseconds) overflows a long.
            throw new InvalidInputException("--rate must be within [" + MIN_RATE_PER_S + ", " + (long) MAX_RATE_PER_S
                    + "] writes per second, got " + ratePerS);
        }
        if (faults != null && faults.size() != new java.util.HashSet<>(faults).size()) {
            throw new InvalidInputException("a fault class is named twice in " + faults.stream().map(FaultClass::key)
                    .toList() + " (each class runs once per campaign)");
        }
        if (quorumWrites < 1 || quorumWrites > CLUSTER_NODES) {
            throw new InvalidInputException("quorum_writes must be within 1.." + CLUSTER_NODES + " (the campaign's cluster has "
                    + CLUSTER_NODES + " nodes), got " + quorumWrites);
        }
        if (quorumTimeoutMs < 1 || faultWindowMs < 0 || writeDeadlineMs < 1 || convergeDeadlineMs < 1) {
            throw new InvalidInputException("timeouts and windows must be positive");
        }
        // The command line takes these as whole numbers up to 2^31-1; a preset gets the same range.
        long[] bounded = {quorumTimeoutMs, faultWindowMs, skewMs, writeDeadlineMs, convergeDeadlineMs, fireAfterWrite};
        String[] names = {"quorum_timeout_ms", "fault_window_ms", "skew_ms", "write_deadline_ms", "converge_deadline_ms",
                "fire_after_write"};
        for (int i = 0; i < bounded.length; i++) {
            if (bounded[i] < 0 || bounded[i] > Integer.MAX_VALUE) {
                throw new InvalidInputException(names[i] + " must be within 0.." + Integer.MAX_VALUE + ", got " + bounded[i]);
            }
        }
        if (fireAfterWrite < 1) {
            throw new InvalidInputException("--fire-after must be ≥ 1 (the fault fires after that many writes of a cycle)");
        }
        if (dropShare < 0 || dropShare > 1) {
            throw new InvalidInputException("drop share must be within [0, 1]");
        }
        faults = List.copyOf(faults);
        nodeArgs = nodeArgs == null ? List.of() : List.copyOf(nodeArgs);
        // Insertion order is kept: these maps are written back in campaign order.
        mechanismOverrides = ordered(mechanismOverrides);
        mechanisms = ordered(mechanisms);
        environment = ordered(environment);
        notApplicable = ordered(notApplicable);
        for (FaultClass f : notApplicable.keySet()) {
            if (faults.contains(f)) {
                throw new InvalidInputException(f + " is both run and not applicable");
            }
        }
        thresholds = thresholds == null ? Thresholds.DEFAULT : thresholds;
        schedule = Schedule.of(ratePerS).mode();
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The schedule with its rate. */
    public Schedule schedulePlan() {
        return new Schedule(schedule, ratePerS);
    }

    public Path runPath() {
        return Path.of(runDir);
    }

    /** This plan with the mechanisms resolved on this machine and the environment it runs in. */
    public CampaignSpec withResolution(Map<FaultClass, Mechanism> resolved, Map<String, Object> env) {
        return new CampaignSpec(campaignId, runDir, faults, cycles, writes, warmupCycles, schedule, ratePerS,
                thresholds, target, nodeArgs, mechanismOverrides, quorumWrites, quorumTimeoutMs, faultWindowMs, skewMs,
                dropShare, fireAfterWrite, writeDeadlineMs, convergeDeadlineMs, seed, startedAtMs, startedAt,
                finishedAt, resolved, env, notApplicable, interleaving);
    }

    /**
     * This plan without the classes {@code declared} says the target cannot suffer: those of them it would have run
     * are recorded with their reason instead. Every class not applicable is a usage error (nothing would run).
     */
    public CampaignSpec withoutNotApplicable(Map<FaultClass, String> declared) {
        Map<FaultClass, String> skipped = new LinkedHashMap<>();
        for (FaultClass f : FaultClass.values()) {
            if (faults.contains(f) && declared.containsKey(f)) {
                skipped.put(f, declared.get(f));
            }
        }
        List<FaultClass> run = faults.stream().filter(f -> !skipped.containsKey(f)).toList();
        if (run.isEmpty()) {
            throw new InvalidInputException("the target declares every fault class of this campaign not applicable ("
                    + String.join(", ", skipped.keySet().stream().map(FaultClass::key).toList()) + "): nothing to run");
        }
        return new CampaignSpec(campaignId, runDir, run, cycles, writes, warmupCycles, schedule, ratePerS,
                thresholds, target, nodeArgs, mechanismOverrides, quorumWrites, quorumTimeoutMs, faultWindowMs, skewMs,
                dropShare, fireAfterWrite, writeDeadlineMs, convergeDeadlineMs, seed, startedAtMs, startedAt,
                finishedAt, mechanisms, environment, skipped, interleaving);
    }

    /** This plan with another target (the profile a run materialised for its own hosts, say). */
    public CampaignSpec withTarget(String newTarget) {
        return new CampaignSpec(campaignId, runDir, faults, cycles, writes, warmupCycles, schedule, ratePerS,
                thresholds, newTarget, nodeArgs, mechanismOverrides, quorumWrites, quorumTimeoutMs, faultWindowMs,
                skewMs, dropShare, fireAfterWrite, writeDeadlineMs, convergeDeadlineMs, seed, startedAtMs, startedAt,
                finishedAt, mechanisms, environment, notApplicable, interleaving);
    }

    /** This plan marked finished at {@code finishedAtMs} (epoch milliseconds). */
    public CampaignSpec withFinishedAt(long finishedAtMs) {
        return new CampaignSpec(campaignId, runDir, faults, cycles, writes, warmupCycles, schedule, ratePerS,
                thresholds, target, nodeArgs, mechanismOverrides, quorumWrites, quorumTimeoutMs, faultWindowMs, skewMs,
                dropShare, fireAfterWrite, writeDeadlineMs, convergeDeadlineMs, seed, startedAtMs, startedAt,
                Instant.ofEpochMilli(finishedAtMs).toString(), mechanisms, environment, notApplicable, interleaving);
    }

    /** This plan as one arm of an interleaved campaign, in its own run directory with its own id. */
    public CampaignSpec asArm(String newCampaignId, String newRunDir, Interleaving arm) {
        return new CampaignSpec(newCampaignId, newRunDir, faults, cycles, writes, warmupCycles, schedule, ratePerS,
                thresholds, target, nodeArgs, mechanismOverrides, quorumWrites, quorumTimeoutMs, faultWindowMs, skewMs,
                dropShare, fireAfterWrite, writeDeadlineMs, convergeDeadlineMs, seed, startedAtMs, startedAt,
                finishedAt, mechanisms, environment, notApplicable, arm);
    }
}
