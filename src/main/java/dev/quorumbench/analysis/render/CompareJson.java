package dev.quorumbench.analysis.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.FaultComparison;
import dev.quorumbench.analysis.compare.Metric;
import dev.quorumbench.analysis.compare.MetricComparison;
import dev.quorumbench.analysis.compare.MinEffect;
import dev.quorumbench.analysis.compare.RunHeader;
import dev.quorumbench.analysis.compare.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Renders a {@link Comparison} as JSON with the same content as the Markdown; absent numbers are null. */
public final class CompareJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private CompareJson() {
    }

    public static String render(Comparison c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("regression", c.regressed());
        ObjectNode counts = root.putObject("counts");
        for (Verdict v : Verdict.values()) {
            counts.put(v.word(), c.count(v));
        }
        header(root.putObject("base"), c.base());
        header(root.putObject("head"), c.head());
        ArrayNode notes = root.putArray("notes");
        c.notes().forEach(notes::add);
        ObjectNode settings = root.putObject("settings");
        settings.put("alpha", c.settings().alpha());
        settings.put("min_samples", c.settings().minSamples());
        settings.put("test", "two-sided Mann-Whitney U on per-cycle samples (Apache Commons Math 3)");
        ObjectNode min = settings.putObject("min_effect");
        for (Metric m : Metric.values()) {
            MinEffect e = c.settings().minEffect(m);
            ObjectNode o = min.putObject(m.key());
            o.put("absolute", e.absolute());
            o.put("relative", e.relative());
            o.put("unit", m.unit());
            o.put("direction", m.direction().name().toLowerCase(java.util.Locale.ROOT));
        }
        ObjectNode faults = root.putObject("faults");
        for (FaultComparison f : c.faults()) {
            ArrayNode metrics = faults.putArray(f.fault().key());
            for (MetricComparison m : f.metrics()) {
                ObjectNode o = metrics.addObject();
                o.put("metric", m.metric().key());
                o.put("unit", m.metric().unit());
                number(o, "base", m.base(), 6);
                number(o, "head", m.head(), 6);
                number(o, "change", m.change(), 6);
                number(o, "relative_change", m.relativeChange(), 6);
                number(o, "p_value", m.pValue(), 6);
                o.put("base_cycles", m.baseCycles());
                o.put("head_cycles", m.headCycles());
                o.put("verdict", m.verdict().word());
                o.put("reason", m.reason());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render comparison JSON", e);
        }
    }

    private static void header(ObjectNode o, RunHeader h) {
        o.put("campaign_id", h.campaignId());
        o.put("schedule", h.schedule());
        o.put("cycles", h.cycles());
        o.put("writes", h.writes());
        o.put("complete", h.complete());
        ObjectNode env = o.putObject("environment");
        h.environment().forEach(env::put);
    }

    private static void number(ObjectNode o, String key, double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros());
        }
    }
}
