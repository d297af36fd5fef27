package dev.quorumbench.analysis.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.run.CampaignDefaults;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.UnsafeNodeArgs;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The settings of a run a reader of its results must see first: unsafe ones (node flags that switch a safety
 * mechanism off, faults that were not really injected, reads not made node by node) and every setting that differs
 * from the documented defaults (pure).
 */
public final class RunSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunSettings() {
    }

    /** One sentence per unsafe setting, empty when there is none. */
    public static List<String> unsafe(CampaignSpec spec) {
        List<String> out = new ArrayList<>();
        for (String arg : UnsafeNodeArgs.of(spec.nodeArgs())) {
            out.add("node flag `" + arg + "`: the nodes were altered on purpose, so these results"
                    + " do not describe a safe deployment");
        }
        for (Map.Entry<FaultClass, Mechanism> m : spec.mechanisms().entrySet()) {
            MechanismStatus s = m.getValue().status();
            if (s == MechanismStatus.SIMULATED || s == MechanismStatus.UNAVAILABLE) {
                out.add(m.getKey().key() + ": mechanism `" + m.getValue().name() + "` is " + s.key()
                        + ", the fault was not really injected");
            }
        }
        Object readBack = spec.environment().get("read_back");
        if (readBack != null && !"node-local".equals(readBack)) {
            out.add("read-back " + readBack);
        }
        return out;
    }

    /** "name value (default d)" per setting that differs from the defaults, in campaign.json's key order. */
    public static List<String> nonDefault(CampaignSpec spec) {
        JsonNode run = readTree(spec);
        ObjectNode defaults = CampaignDefaults.settings();
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = defaults.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> d = it.next();
            JsonNode v = run.get(d.getKey());
            if (v == null) {
                continue;
            }
            if (d.getValue().isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> f = d.getValue().fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> df = f.next();
                    JsonNode vf = v.get(df.getKey());
                    if (vf != null && !same(vf, df.getValue())) {
                        out.add(df.getKey() + " " + text(vf) + " (default " + text(df.getValue()) + ")");
                    }
                }
            } else if (!same(v, d.getValue())) {
                out.add(d.getKey() + " " + text(v) + " (default " + text(d.getValue()) + ")");
            }
        }
        if (!spec.nodeArgs().isEmpty()) {
            out.add("node_args `" + String.join(" ", spec.nodeArgs()) + "` (default none)");
        }
        spec.mechanismOverrides().forEach((f, m) -> out.add("mechanism " + f.key() + "=" + m + " (default "
                + f.mechanisms().get(0) + ")"));
        if (spec.ratePerS() != null) {
            out.add("open loop at " + text(JSON.valueToTree(spec.ratePerS())) + " writes/s (default closed loop)");
        }
        if (spec.convergeDeadlineMs() != CampaignDefaults.convergeDeadlineMs(spec.quorumTimeoutMs())) {
            out.add("converge_deadline_ms " + spec.convergeDeadlineMs() + " (default 10 × quorum_timeout_ms)");
        }
        return out;
    }

    private static JsonNode readTree(CampaignSpec spec) {
        try {
            return JSON.readTree(CampaignJson.text(spec));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // our own JSON of our own type always parses
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String text(JsonNode v) {
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(i.asText()));
            return String.join(",", items);
        }
        return v.asText();
    }
}
