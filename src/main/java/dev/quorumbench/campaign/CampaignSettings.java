package dev.quorumbench.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.run.CampaignDefaults;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Layers campaign settings — defaults, then a preset, then command-line options — into a {@link CampaignSpec}
 * (pure). The defaults are the source document's campaign on the embedded reference cluster.
 */
public final class CampaignSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode settings = defaults();

    /** The documented defaults (README "Options"). */
    public static ObjectNode defaults() {
        return CampaignDefaults.settings();
    }

    /** Overlays a layer (a preset or the options given); nested objects merge field by field. */
    public CampaignSettings overlay(ObjectNode layer) {
        merge(settings, layer);
        return this;
    }

    private static void merge(ObjectNode into, ObjectNode layer) {
        for (Iterator<Map.Entry<String, JsonNode>> it = layer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    /** The interleaved A/B plan, or null for an ordinary campaign (no {@code "ab"} object in any layer). */
    public AbPlan abPlan() {
        JsonNode ab = settings.get("ab");
        return ab == null ? null : AbPlan.parse(ab, "campaign settings");
    }

    /** The head arm's settings: these with the plan's head node args and target in place of the base arm's. */
    public CampaignSettings headArm(AbPlan plan) {
        CampaignSettings head = new CampaignSettings();
        head.settings.removeAll();
        head.settings.setAll(settings.deepCopy());
        if (plan.headNodeArgs() != null) {
            head.settings.set("node_args", JSON.valueToTree(plan.headNodeArgs()));
        }
        if (plan.headTarget() != null) {
            head.settings.put("target", plan.headTarget());
        }
        return head;
    }

    /** The final spec for a run (not yet resolved); unknown fault names and broken values become InvalidInputException. */
    public CampaignSpec toSpec(String campaignId, String runDir, long startedAtMs) {
        ObjectNode s = settings.deepCopy();
        s.remove("ab"); // how the arms interleave is not a setting of either arm's campaign.json
        if (!s.has("converge_deadline_ms")) {
            s.put("converge_deadline_ms", CampaignDefaults.convergeDeadlineMs(s.path("quorum_timeout_ms").asLong(2000)));
        }
        s.put("campaign_id", campaignId);
        s.put("run_dir", runDir);
        s.put("started_at_ms", startedAtMs);
        s.put("started_at", Instant.ofEpochMilli(startedAtMs).toString());
        return CampaignJson.fromSettings(s);
    }
}
