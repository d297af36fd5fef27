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

/**
 * The settings of a run that a comparison must show, read from {@code campaign.json}, and which of them change
 * what is measured: two runs that differ in one of those do not compare unless the user says so.
 */
public final class RunSettings {

    /** Differences in these change the measured numbers; thresholds, cycles and seed only change how they are judged or how many. */
    public static final Set<String> MEASURING = Set.of("fault_window_ms", "skew_ms", "drop_share", "mechanisms",
            "node_args", "target", "writes", "schedule", "rate_per_s", "warmup_cycles", "fire_after_write",
            "quorum_writes", "quorum_timeout_ms", "write_deadline_ms", "converge_deadline_ms");

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
        return List.of("fault_window_ms", "skew_ms", "drop_share", "mechanisms", "node_args", "target", "writes",
                "schedule", "rate_per_s", "thresholds", "cycles", "warmup_cycles", "fire_after_write", "quorum_writes",
                "quorum_timeout_ms", "write_deadline_ms", "converge_deadline_ms", "seed");
    }

    /** The settings of {@code spec} as shown, in {@link #keys()} order; mechanisms only of {@code faults}. */
    public static Map<String, String> of(CampaignSpec spec, List<FaultClass> faults) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fault_window_ms", Long.toString(spec.faultWindowMs()));
        m.put("skew_ms", Long.toString(spec.skewMs()));
        m.put("drop_share", Decimals.plain(spec.dropShare()));
        m.put("mechanisms", mechanisms(spec, faults));
        m.put("node_args", spec.nodeArgs().isEmpty() ? "-" : String.join(" ", spec.nodeArgs()));
        m.put("target", spec.target() == null ? "-" : spec.target());
        m.put("writes", Integer.toString(spec.writes()));
        m.put("schedule", spec.schedule().key());
        m.put("rate_per_s", spec.ratePerS() == null ? "-" : Decimals.plain(spec.ratePerS()));
        m.put("thresholds", thresholds(spec.thresholds()));
        m.put("cycles", Integer.toString(spec.cycles()));
        m.put("warmup_cycles", Integer.toString(spec.warmupCycles()));
        m.put("fire_after_write", Integer.toString(spec.fireAfterWrite()));
        m.put("quorum_writes", Integer.toString(spec.quorumWrites()));
        m.put("quorum_timeout_ms", Long.toString(spec.quorumTimeoutMs()));
        m.put("write_deadline_ms", Long.toString(spec.writeDeadlineMs()));
        m.put("converge_deadline_ms", Long.toString(spec.convergeDeadlineMs()));
        m.put("seed", Long.toString(spec.seed()));
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
