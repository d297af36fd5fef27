package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one campaign runs: fault classes, cycles × writes, target, schedule, thresholds and fault parameters.
 *
 * <p>The parent process writes it into {@code campaign.json}; each JMH fork reads it back from there, so the
 * benchmark sees exactly what the user asked for and the run directory documents it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignSpec(
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("run_dir") String runDir,
        @JsonProperty("faults") List<String> faults,
        @JsonProperty("cycles") int cycles,
        @JsonProperty("writes") int writes,
        @JsonProperty("warmup_cycles") int warmupCycles,
        @JsonProperty("schedule") String schedule,
        @JsonProperty("rate_per_s") Double ratePerS,
        @JsonProperty("thresholds") Thresholds thresholds,
        @JsonProperty("target") String target,
        @JsonProperty("node_args") List<String> nodeArgs,
        @JsonProperty("mechanism_overrides") Map<String, String> mechanismOverrides,
        @JsonProperty("quorum_writes") int quorumWrites,
        @JsonProperty("quorum_timeout_ms") long quorumTimeoutMs,
        @JsonProperty("fault_window_ms") long faultWindowMs,
        @JsonProperty("skew_ms") long skewMs,
        @JsonProperty("drop_share") double dropShare,
        @JsonProperty("fire_after_write") int fireAfterWrite,
        @JsonProperty("write_deadline_ms") long writeDeadlineMs,
        @JsonProperty("converge_deadline_ms") long convergeDeadlineMs,
        @JsonProperty("seed") long seed,
        @JsonProperty("started_at_ms") long startedAtMs) {

    public static final String CLOSED_LOOP = "closed-loop";
    public static final String OPEN_LOOP = "open-loop";

    /** Pass criteria per fault class. */
    public record Thresholds(
            @JsonProperty("convergence_bound") double convergenceBound,
            @JsonProperty("replica_convergence") double replicaConvergence,
            @JsonProperty("lost_acknowledged") long lostAcknowledged) {

        public static Thresholds defaults() {
            return new Thresholds(0.995, 0.99, 0);
        }
    }

    /** Validates the invariants a campaign needs; the message names the broken rule. */
    public CampaignSpec {
        if (faults == null || faults.isEmpty()) {
            throw new InvalidInputException("at least one fault class is needed");
        }
        if (cycles < 1 || writes < 1 || warmupCycles < 0) {
            throw new InvalidInputException("--cycles and --writes must be ≥ 1 (got cycles=" + cycles + ", writes=" + writes + ")");
        }
        if (ratePerS != null && !(ratePerS > 0)) {
            throw new InvalidInputException("--rate must be a positive number of writes per second");
        }
        if (quorumTimeoutMs < 1 || faultWindowMs < 0 || writeDeadlineMs < 1 || convergeDeadlineMs < 1) {
            throw new InvalidInputException("timeouts and windows must be positive");
        }
        if (fireAfterWrite < 1) {
            throw new InvalidInputException("--fire-after must be ≥ 1 (the fault fires after that many writes of a cycle)");
        }
        if (dropShare < 0 || dropShare > 1) {
            throw new InvalidInputException("drop share must be within [0, 1]");
        }
        nodeArgs = nodeArgs == null ? List.of() : List.copyOf(nodeArgs);
        mechanismOverrides = mechanismOverrides == null ? Map.of() : Map.copyOf(mechanismOverrides);
        thresholds = thresholds == null ? Thresholds.defaults() : thresholds;
        schedule = ratePerS == null ? CLOSED_LOOP : OPEN_LOOP;
    }

    public Path runPath() {
        return Path.of(runDir);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static CampaignSpec read(Path campaignJson) {
        try {
            return JSON.readValue(campaignJson.toFile(), CampaignSpec.class);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read campaign spec " + campaignJson + ": " + e.getMessage().split("\n")[0]);
        }
    }
}
