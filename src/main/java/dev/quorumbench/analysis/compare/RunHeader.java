package dev.quorumbench.analysis.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a comparison says about one side (one run, or several runs of the same settings) in its header: identity,
 * schedule, size, settings, unsafe node flags and environment.
 *
 * @param campaignId  the campaign id, or the ids of the side's runs joined by ", "
 * @param schedule    closed-loop or open-loop (with the rate, e.g. "open-loop 200/s")
 * @param cycles      measured cycles per fault class and run (the largest)
 * @param writes      writes per cycle
 * @param complete    false when a run is interrupted
 * @param environment environment entries in display order (target, git_commit, jvm, os, cores, hostname…)
 * @param runs        how many runs the side has
 * @param settings    the campaign settings ({@link RunSettings#of}), empty when not known
 * @param unsafeNodeFlags node flags that alter the store on purpose (e.g. "--extra-latency-ms 3"), empty if none
 */
public record RunHeader(String campaignId, String schedule, int cycles, int writes, boolean complete,
        Map<String, String> environment, int runs, Map<String, String> settings, List<String> unsafeNodeFlags) {

    /** Keys whose difference is expected between two builds and therefore not flagged. */
    private static final Set<String> BUILD_KEYS = Set.of("harness_version", "git_commit");

    public RunHeader {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        unsafeNodeFlags = List.copyOf(unsafeNodeFlags);
    }

    /** One run whose settings are not known. */
    public RunHeader(String campaignId, String schedule, int cycles, int writes, boolean complete,
            Map<String, String> environment) {
        this(campaignId, schedule, cycles, writes, complete, environment, 1, Map.of(), List.of());
    }

    /** The header of a side made of {@code runs} (at least one; settings and environment from the first). */
    public static RunHeader side(List<RunHeader> runs) {
        RunHeader first = runs.get(0);
        if (runs.size() == 1) {
            return first;
        }
        Set<String> unsafe = new LinkedHashSet<>();
        runs.forEach(r -> unsafe.addAll(r.unsafeNodeFlags()));
        return new RunHeader(String.join(", ", runs.stream().map(RunHeader::campaignId).toList()), first.schedule,
                runs.stream().mapToInt(RunHeader::cycles).max().orElse(0), first.writes,
                runs.stream().allMatch(RunHeader::complete), first.environment,
                runs.stream().mapToInt(RunHeader::runs).sum(), first.settings, List.copyOf(unsafe));
    }

    /** "jvm: A vs B; cores: 2 vs 4" for the entries that differ and are not the build itself; empty if none. */
    public String environmentDifferences(RunHeader other) {
        StringBuilder b = new StringBuilder();
        Set<String> keys = new LinkedHashSet<>(environment.keySet());
        keys.addAll(other.environment.keySet());
        for (String k : keys) {
            if (BUILD_KEYS.contains(k)) {
                continue;
            }
            String mine = environment.get(k);
            String theirs = other.environment.get(k);
            if (!Objects.equals(mine, theirs)) {
                if (b.length() > 0) {
                    b.append("; ");
                }
                b.append(k).append(": ").append(mine).append(" vs ").append(theirs);
            }
        }
        return b.toString();
    }
}
