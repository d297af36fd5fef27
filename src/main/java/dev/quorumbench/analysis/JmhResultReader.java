package dev.quorumbench.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.FaultClass;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Parses JMH's JSON result file (an array of benchmark runs) into the few fields analysis uses. */
final class JmhResultReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhResultReader() {
    }

    /** The result, or null when the file is empty or ends early (JMH was interrupted while writing it). */
    static JmhResult parse(String fileName, String text) {
        if (text.isBlank()) {
            return null;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonEOFException e) {
            return null;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(fileName + ": not valid JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root == null || !root.isArray()) {
            throw new InvalidInputException(fileName + ": expected JMH's JSON result (an array of benchmarks)");
        }
        Map<FaultClass, JmhResult.Benchmark> byFault = new LinkedHashMap<>();
        JsonNode first = root.isEmpty() ? MAPPER.createObjectNode() : root.get(0);
        for (JsonNode b : root) {
            String key = b.path("params").path("fault").asText(null);
            if (key == null) {
                continue; // a benchmark without the fault parameter is not part of the campaign
            }
            FaultClass fault;
            try {
                fault = FaultClass.fromKey(key);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(fileName + ": " + e.getMessage());
            }
            Map<String, Double> scores = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = b.path("secondaryMetrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode score = e.getValue().path("score");
                // Counts only ('#', JMH's unit of aux counters): the latency percentiles the campaign's profiler adds
                // (unit 'ms') are per-cycle means, and phase4.json takes latency from the .hlog instead.
                String unit = e.getValue().path("scoreUnit").asText("#");
                if (score.isNumber() && unit.equals("#")) {
                    scores.put(e.getKey(), score.asDouble());
                }
            }
            byFault.put(fault, new JmhResult.Benchmark(b.path("benchmark").asText(null), fault,
                    b.path("mode").asText(null), Collections.unmodifiableMap(scores)));
        }
        return new JmhResult(first.path("jmhVersion").asText(null), first.path("jdkVersion").asText(null),
                first.path("jvm").asText(null), first.path("vmName").asText(null),
                first.path("vmVersion").asText(null), Collections.unmodifiableMap(byFault));
    }
}
