package dev.quorumbench.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.bench.AbSchedule;
import dev.quorumbench.run.AtomicFiles;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Splits the jmh-result.json of an interleaved A/B campaign (both arms in one fork per fault class) into one per
 * arm, so each arm's directory is a complete run every reader takes as it is. Each measured iteration's raw value
 * goes to the arm {@link AbSchedule} ran it on; an arm's score is recomputed from its own values (a sum for event
 * counters, unit {@code #}, else the mean), and JMH's error estimates, which this split cannot redo, are NaN. A
 * metric without one value per iteration (a cycle that reported none) is left out: its values cannot be placed.
 */
public final class ArmResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArmResults() {
    }

    /** The part of JMH's result array (pure) that belongs to {@code arm} (AbSchedule.BASE or HEAD). */
    public static ArrayNode split(JsonNode jmhResult, int arm, int blockCycles) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode benchmark : jmhResult) {
            ObjectNode b = benchmark.deepCopy();
            int iterations = 0;
            for (int i = 0; i < benchmark.path("measurementIterations").asInt(0); i++) {
                iterations += AbSchedule.arm(i, blockCycles) == arm ? 1 : 0;
            }
            b.put("measurementIterations", iterations);
            b.put("warmupIterations", benchmark.path("warmupIterations").asInt(0) / 2);
            JsonNode primaryRaw = benchmark.path("primaryMetric").path("rawData");
            splitMetric((ObjectNode) b.get("primaryMetric"), arm, blockCycles);
            if (b.get("secondaryMetrics") instanceof ObjectNode secondary) {
                for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
                    ObjectNode metric = (ObjectNode) it.next().getValue();
                    if (!sameIterations(metric.path("rawData"), primaryRaw)) {
                        // A metric some iterations did not report (the latency profiler gives none for a cycle
                        // without an acknowledged write): its i-th value is not the i-th iteration's, so which arm
                        // ran it is unknown. Left out rather than given to the wrong arm.
                        it.remove();
                        continue;
                    }
                    splitMetric(metric, arm, blockCycles);
                }
            }
            out.add(b);
        }
        return out;
    }

    /** Whether {@code raw} holds one value per iteration of every fork, as the primary metric does. */
    private static boolean sameIterations(JsonNode raw, JsonNode primaryRaw) {
        if (!raw.isArray() || !primaryRaw.isArray() || raw.size() != primaryRaw.size()) {
            return false;
        }
        for (int f = 0; f < raw.size(); f++) {
            if (raw.get(f).size() != primaryRaw.get(f).size()) {
                return false;
            }
        }
        return true;
    }

    private static void splitMetric(ObjectNode metric, int arm, int blockCycles) {
        if (metric == null || !metric.path("rawData").isArray()) {
            return;
        }
        ArrayNode forks = JSON.createArrayNode();
        double sum = 0;
        int n = 0;
        for (JsonNode fork : metric.get("rawData")) {
            ArrayNode values = forks.addArray();
            for (int i = 0; i < fork.size(); i++) {
                if (AbSchedule.arm(i, blockCycles) == arm) {
                    values.add(fork.get(i).asDouble());
                    sum += fork.get(i).asDouble();
                    n++;
                }
            }
        }
        metric.set("rawData", forks);
        boolean events = "#".equals(metric.path("scoreUnit").asText());
        double score = events ? sum : (n == 0 ? Double.NaN : sum / n);
        if (Double.isNaN(score)) {
            metric.put("score", "NaN");
        } else {
            metric.put("score", score);
        }
        metric.put("scoreError", "NaN");
        metric.set("scoreConfidence", JSON.createArrayNode().add("NaN").add("NaN"));
        metric.remove("scorePercentiles"); // percentiles of two or three dozen values: not worth pretending
    }

    /** Writes each arm's share of {@code outDir}'s jmh-result.json into the arm directories; false when none. */
    public static boolean write(Path outDir, Path baseDir, Path headDir, int blockCycles) throws IOException {
        Path all = RunFiles.jmhResult(outDir);
        if (!Files.isRegularFile(all) || Files.size(all) == 0) {
            return false;
        }
        JsonNode tree = JSON.readTree(all.toFile());
        if (tree == null || !tree.isArray()) {
            return false;
        }
        AtomicFiles.write(RunFiles.jmhResult(baseDir), JSON.writeValueAsString(split(tree, AbSchedule.BASE, blockCycles)));
        AtomicFiles.write(RunFiles.jmhResult(headDir), JSON.writeValueAsString(split(tree, AbSchedule.HEAD, blockCycles)));
        return true;
    }
}
