package dev.quorumbench.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.run.Mechanism;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a {@link Phase4Report} as {@code phase4.json} text: keys in a fixed order, fractions with 6 decimals,
 * milliseconds with 3, two-space indentation and {@code \n} line ends, so equal reports give equal bytes.
 * The schema is {@code src/main/resources/schema/phase4.schema.json}.
 */
public final class Phase4Json {

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private Phase4Json() {
    }

    /** The JSON text, ending with a newline. */
    public static String render(Phase4Report r) {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(indent).withArrayIndenter(indent);
        try {
            return MAPPER.writer(pretty).writeValueAsString(tree(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain nodes always serializes
        }
    }

    /** The JSON tree, in the order the schema documents. */
    public static ObjectNode tree(Phase4Report r) {
        ObjectNode o = F.objectNode();
        o.put("phase", "phase4");
        o.put("schema_version", r.schemaVersion());
        o.put("campaign_id", r.campaignId());
        o.put("pass", r.pass());
        o.put("complete", r.complete());
        o.put("cycles_per_fault", r.cyclesPerFault());
        o.put("writes_per_cycle", r.writesPerCycle());
        ObjectNode done = o.putObject("cycles_done");
        r.faults().forEach((f, s) -> done.put(f.key(), s.cyclesDone()));
        ObjectNode conv = o.putObject("convergence_by_fault");
        r.convergenceByFault().forEach((f, v) -> ratio(conv, f.key(), v));
        ObjectNode th = o.putObject("thresholds");
        ratio(th, "convergence_bound", r.thresholds().convergenceBound());
        ratio(th, "replica_convergence", r.thresholds().replicaConvergence());
        th.put("lost_acknowledged", r.thresholds().lostAcknowledged());
        ObjectNode sch = o.putObject("schedule");
        sch.put("mode", r.schedule().mode().key());
        if (r.schedule().ratePerS() == null) {
            sch.putNull("rate_per_s");
        } else {
            sch.put("rate_per_s", r.schedule().ratePerS());
        }
        ObjectNode faults = o.putObject("faults");
        r.faults().forEach((f, s) -> faults.set(f.key(), fault(s)));
        if (!r.notRun().isEmpty()) {
            // Additive: absent when every class ran, so the phase4.json of such runs is unchanged.
            ObjectNode notRun = o.putObject("not_run");
            r.notRun().forEach((f, why) -> notRun.put(f.key(), why));
        }
        strings(o.putArray("reasons"), r.reasons());
        ObjectNode env = o.putObject("environment");
        r.environment().forEach((k, v) -> scalar(env, k, v));
        o.put("generated_by", r.generatedBy());
        return o;
    }

    private static ObjectNode fault(FaultSummary s) {
        ObjectNode o = F.objectNode();
        o.put("pass", s.pass());
        o.put("complete", s.complete());
        o.put("cycles_planned", s.cyclesPlanned());
        o.put("cycles_done", s.cyclesDone());
        o.put("writes", s.writes());
        o.put("ok", s.ok());
        o.put("quorum_not_met", s.quorumNotMet());
        o.put("fail", s.fail());
        // Additive: absent for runs recorded before fail was split, so their phase4.json stays byte-identical.
        if (s.failDefinite() != null && s.failIndeterminate() != null) {
            o.put("fail_definite", s.failDefinite());
            o.put("fail_indeterminate", s.failIndeterminate());
        }
        o.put("attempts", s.attempts());
        ratio(o, "convergence_bound", s.convergenceBound());
        ratio(o, "replica_convergence", s.replicaConvergence());
        o.put("nodes_unreadable", s.nodesUnreadable());
        o.put("lost_acknowledged", s.lostAcknowledged());
        o.put("indeterminate_present", s.indeterminatePresent());
        o.put("duplicates", s.duplicates());
        o.put("cycles_converged", s.cyclesConverged());
        samples(o, "converge_ms", s.convergeMs());
        samples(o, "recovery_ms", s.recoveryMs());
        samples(o, "measured_skew_ms", s.measuredSkewMs());
        // Additive: absent for runs recorded before fault windows were attested, so their phase4.json stays the same.
        if (s.windows() != null) {
            ObjectNode w = o.putObject("fault_window_ms");
            samples(w, "control", s.windows().controlMs());
            samples(w, "held", s.windows().heldMs());
            samples(w, "seen", s.windows().seenMs());
        }
        Mechanism m = s.mechanism();
        ObjectNode mo = o.putObject("mechanism");
        mo.put("name", m.name());
        mo.put("status", m.status() == null ? null : m.status().key());
        mo.put("reason", m.reason());
        ArrayNode seen = o.putArray("mechanisms_seen");
        for (MechanismUse u : s.mechanismsSeen()) {
            ObjectNode uo = seen.addObject();
            uo.put("name", u.name());
            uo.put("status", u.status() == null ? null : u.status().key());
            uo.put("cycles", u.cycles());
        }
        o.put("cycles_not_injected", s.cyclesNotInjected());
        ObjectNode lat = o.putObject("latency_ms");
        s.latencyMs().forEach((k, l) -> lat.set(k, latency(l)));
        if (s.jmhCounts() == null) {
            o.putNull("jmh_counts");
        } else {
            ObjectNode j = o.putObject("jmh_counts");
            s.jmhCounts().forEach((k, v) -> j.put(k, Numbers.msDecimal(v)));
        }
        strings(o.putArray("reasons"), s.reasons());
        return o;
    }

    private static ObjectNode latency(LatencyStats l) {
        ObjectNode o = F.objectNode();
        o.put("count", l.count());
        ms(o, "mean", l.meanMs());
        ms(o, "p50", l.p50Ms());
        ms(o, "p90", l.p90Ms());
        ms(o, "p99", l.p99Ms());
        ms(o, "p999", l.p999Ms());
        ms(o, "max", l.maxMs());
        return o;
    }

    private static void samples(ObjectNode parent, String key, SampleStats s) {
        if (s == null) {
            parent.putNull(key);
            return;
        }
        ObjectNode o = parent.putObject(key);
        o.put("count", s.count());
        o.put("p50", s.p50());
        o.put("p99", s.p99());
        o.put("max", s.max());
    }

    private static void ratio(ObjectNode o, String key, Double v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, Numbers.ratioDecimal(v));
        }
    }

    private static void ms(ObjectNode o, String key, Double v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, Numbers.msDecimal(v));
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void scalar(ObjectNode o, String key, Object v) {
        if (v == null) {
            o.putNull(key);
        } else if (v instanceof Long l) {
            o.put(key, l);
        } else if (v instanceof Integer i) {
            o.put(key, i);
        } else if (v instanceof Double d) {
            o.put(key, d);
        } else if (v instanceof Boolean b) {
            o.put(key, b);
        } else {
            o.put(key, v.toString());
        }
    }
}
