package dev.quorumbench.analysis;

import dev.quorumbench.run.Mechanism;
import java.util.List;
import java.util.Map;

/**
 * What {@code campaign.json} says about a run: the plan (faults, cycles, writes, schedule, thresholds), the
 * target, the declared mechanism per fault and the environment it ran in.
 *
 * @param campaignId     the run's id, also its directory name
 * @param startedAt      RFC 3339 start time
 * @param finishedAt     RFC 3339 end time, null while running or after an interruption
 * @param faults         fault classes in campaign order
 * @param cycles         measured cycles planned per fault class
 * @param writes         writes per cycle
 * @param warmupCycles   unmeasured cycles per class before the first measured one
 * @param schedule       {@code closed-loop} or {@code open-loop}
 * @param ratePerS       open-loop rate in writes per second, null in closed loop
 * @param thresholds     pass criteria ({@link Thresholds#DEFAULT} when absent)
 * @param target         reference, ai-memory or a profile file
 * @param nodeArgs       extra flags given to every node
 * @param quorumWrites   W of W-of-N
 * @param quorumTimeoutMs the node's quorum timeout
 * @param faultWindowMs  how long partitions and pauses last
 * @param skewMs         the clock skew asked for
 * @param mechanisms     declared mechanism per fault class (may lack a fault)
 * @param environment    harness_version, git_commit, jvm, os, cores, hostname, target… (sorted by key)
 */
public record CampaignInfo(
        String campaignId,
        String startedAt,
        String finishedAt,
        List<String> faults,
        int cycles,
        int writes,
        int warmupCycles,
        String schedule,
        Double ratePerS,
        Thresholds thresholds,
        String target,
        List<String> nodeArgs,
        int quorumWrites,
        long quorumTimeoutMs,
        long faultWindowMs,
        long skewMs,
        Map<String, Mechanism> mechanisms,
        Map<String, Object> environment) {
}
