package dev.quorumbench.analysis.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.run.CampaignDefaults;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The settings of a run a reader of its results must see first besides the unsafe ones
 * ({@link dev.quorumbench.run.UnsafeSettings}): its size and every setting that differs from the documented
 * defaults (pure).
 */
public final class SettingsSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingsSummary() {
    }

    /**
     * The run's size and every setting that is not the default, as one Markdown sentence: "3 cycles × 10 writes
     * per fault class against target `reference`, write quorum W=2. Not the defaults: …." (release notes and the
     * HTML page say the same).
     */
    public static String sentence(Phase4Report r, CampaignSpec spec) {
        List<String> nonDefault = nonDefault(spec);
        return r.cyclesPerFault() + " cycles × " + r.writesPerCycle() + " writes per fault class against target `"
                + spec.target() + "`, write quorum W=" + spec.quorumWrites() + ". "
                + (nonDefault.isEmpty() ? "Every other setting is the default."
                        : "Not the defaults: " + String.join("; ", nonDefault) + ".");
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
