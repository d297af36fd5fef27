package dev.quorumbench.analysis.compare;

import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The settings of a run that a comparison must show, read from {@code campaign.json}, and which of them change
 * what is measured: two runs that differ in one of those do not compare unless the user says so.
 */
public final class RunSettings {

    /** One setting: its key, whether a difference in it changes what is measured, and how to read it. */
    private record Setting(String key, boolean measuring, BiFunction<CampaignSpec, List<FaultClass>, String> value) {
    }

    /**
     * Every setting, in display order: the one list {@link #MEASURING}, {@link #keys()} and {@link #of} derive from.
     * Thresholds, cycles and seed only change how the numbers are judged or how many there are.
     */
    private static final List<Setting> SETTINGS = List.of(
            new Setting("fault_window_ms", true, (s, f) -> Long.toString(s.faultWindowMs())),
            new Setting("skew_ms", true, (s, f) -> Long.toString(s.skewMs())),
            new Setting("drop_share", true, (s, f) -> Decimals.plain(s.dropShare())),
            new Setting("mechanisms", true, RunSettings::mechanisms),
            new Setting("node_args", true, (s, f) -> s.nodeArgs().isEmpty() ? "-" : String.join(" ", s.nodeArgs())),
            new Setting("target", true, (s, f) -> s.target() == null ? "-" : s.target()),
            new Setting("writes", true, (s, f) -> Integer.toString(s.writes())),
            new Setting("schedule", true, (s, f) -> s.schedule().key()),
            new Setting("rate_per_s", true, (s, f) -> s.ratePerS() == null ? "-" : Decimals.plain(s.ratePerS())),
            new Setting("thresholds", false, (s, f) -> thresholds(s.thresholds())),
            new Setting("cycles", false, (s, f) -> Integer.toString(s.cycles())),
            new Setting("warmup_cycles", true, (s, f) -> Integer.toString(s.warmupCycles())),
            new Setting("fire_after_write", true, (s, f) -> Integer.toString(s.fireAfterWrite())),
            new Setting("quorum_writes", true, (s, f) -> Integer.toString(s.quorumWrites())),
            new Setting("quorum_timeout_ms", true, (s, f) -> Long.toString(s.quorumTimeoutMs())),
            new Setting("write_deadline_ms", true, (s, f) -> Long.toString(s.writeDeadlineMs())),
            new Setting("converge_deadline_ms", true, (s, f) -> Long.toString(s.convergeDeadlineMs())),
            new Setting("seed", false, (s, f) -> Long.toString(s.seed())));

    /** Differences in these change the measured numbers. */
    public static final Set<String> MEASURING = SETTINGS.stream().filter(Setting::measuring).map(Setting::key)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * One setting that differs between the sides.
     *
     * @param key                the setting's key (as in campaign.json; {@code --allow-different} takes it)
     * @param base               its value on the base side
     * @param head               its value on the head side
     * @param changesMeasurement true when the difference changes what is measured
     */
    public record Difference(String key, String base, String head, boolean changesMeasurement) {

        /** "fault_window_ms 500 → 100". */
        public String describe() {
            return key + " " + base + " → " + head;
        }
    }

    private RunSettings() {
    }

    /** Every key {@code --allow-different} accepts, in display order. */
    public static List<String> keys() {
        return SETTINGS.stream().map(Setting::key).toList();
    }

    /** The settings of {@code spec} as shown, in {@link #keys()} order; mechanisms only of {@code faults}. */
    public static Map<String, String> of(CampaignSpec spec, List<FaultClass> faults) {
        Map<String, String> m = new LinkedHashMap<>();
        SETTINGS.forEach(setting -> m.put(setting.key(), setting.value().apply(spec, faults)));
        return m;
    }

    /**
     * {@code settings} with the mechanisms of only {@code faults}: a class that is not compared (--faults) must not
     * make two runs look different.
     */
    public static Map<String, String> restrict(Map<String, String> settings, List<FaultClass> faults) {
        String all = settings.get("mechanisms");
        if (all == null) {
            return settings;
        }
        List<String> keep = new ArrayList<>();
        for (String part : all.split(", ")) {
            if (faults.stream().anyMatch(f -> part.startsWith(f.key() + "="))) {
                keep.add(part);
            }
        }
        Map<String, String> m = new LinkedHashMap<>(settings);
        m.put("mechanisms", String.join(", ", keep));
        return m;
    }

    /** The settings that differ, in {@code base}'s key order. */
    public static List<Difference> differences(Map<String, String> base, Map<String, String> head) {
        List<Difference> d = new ArrayList<>();
        for (Map.Entry<String, String> e : base.entrySet()) {
            String h = head.get(e.getKey());
            if (h != null && !Objects.equals(e.getValue(), h)) {
                d.add(new Difference(e.getKey(), e.getValue(), h, MEASURING.contains(e.getKey())));
            }
        }
        return d;
    }

    /** The differences that change what is measured and were not allowed: each stops a comparison. */
    public static List<Difference> refused(List<Difference> differences, Set<String> allowed) {
        return differences.stream().filter(d -> d.changesMeasurement() && !allowed.contains(d.key())).toList();
    }

    private static String mechanisms(CampaignSpec spec, List<FaultClass> faults) {
        List<String> parts = new ArrayList<>();
        for (FaultClass f : faults) {
            Mechanism m = spec.mechanisms().get(f);
            String name = m != null ? m.name() : spec.mechanismOverrides().getOrDefault(f, "default");
            String status = m != null && m.status() != null ? "/" + m.status().key() : "";
            parts.add(f.key() + "=" + name + status);
        }
        return String.join(", ", parts);
    }

    private static String thresholds(Thresholds t) {
        return "convergence_bound≥" + Decimals.plain(t.convergenceBound()) + ", replica_convergence≥"
                + Decimals.plain(t.replicaConvergence()) + ", lost_acknowledged≤" + t.lostAcknowledged();
    }
}
