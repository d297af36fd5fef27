package dev.quorumbench.analysis.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a comparison says about each run in its header: identity, schedule, size and environment.
 *
 * @param campaignId  the run's campaign id
 * @param schedule    closed-loop or open-loop (with the rate, e.g. "open-loop 200/s")
 * @param cycles      measured cycles per fault class (the largest, for a partial run)
 * @param writes      writes per cycle
 * @param complete    false for an interrupted run
 * @param environment environment entries in display order (target, git_commit, jvm, os, cores, hostname…)
 */
public record RunHeader(String campaignId, String schedule, int cycles, int writes, boolean complete,
        Map<String, String> environment) {

    /** Keys whose difference is expected between two builds and therefore not flagged. */
    private static final java.util.Set<String> BUILD_KEYS = java.util.Set.of("harness_version", "git_commit");

    public RunHeader {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** "jvm: A vs B; cores: 2 vs 4" for the entries that differ and are not the build itself; empty if none. */
    public String environmentDifferences(RunHeader other) {
        StringBuilder b = new StringBuilder();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(environment.keySet());
        keys.addAll(other.environment.keySet());
        for (String k : keys) {
            if (BUILD_KEYS.contains(k)) {
                continue;
            }
            String mine = environment.get(k);
            String theirs = other.environment.get(k);
            if (!java.util.Objects.equals(mine, theirs)) {
                if (b.length() > 0) {
                    b.append("; ");
                }
                b.append(k).append(": ").append(mine).append(" vs ").append(theirs);
            }
        }
        return b.toString();
    }
}
