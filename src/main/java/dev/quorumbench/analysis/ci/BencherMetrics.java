package dev.quorumbench.analysis.ci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.quorumbench.analysis.Phase4Report;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bencher Metric Format (BMF) JSON, {@code {"<benchmark>": {"<measure>": {"value": …}}}}, which {@code bencher run
 * --adapter json} reads: one benchmark per fault class, measures {@code latency_p50} and {@code latency_p99} (ms,
 * acknowledged writes) and {@code convergence_bound}. BMF's optional {@code lower_value} / {@code upper_value} are
 * left out: the run has no honest bound for a pooled percentile.
 *
 * @param benchmarks fault key → measure → value, in campaign order
 */
public record BencherMetrics(@JsonValue Map<String, Map<String, Measure>> benchmarks) {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One measure's value (and bounds, when known). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"value", "lower_value", "upper_value"})
    public record Measure(@JsonProperty("value") double value,
                          @JsonProperty("lower_value") Double lowerValue,
                          @JsonProperty("upper_value") Double upperValue) {
    }

    public static BencherMetrics of(Phase4Report report) {
        Map<String, Map<String, Measure>> out = new LinkedHashMap<>();
        for (TrackedMetrics.Figure f : TrackedMetrics.of(report)) {
            out.computeIfAbsent(f.fault(), k -> new LinkedHashMap<>()).put(f.kind().key,
                    new Measure(f.value(), null, null));
        }
        return new BencherMetrics(out);
    }

    public String render() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // maps of records and numbers always serialize
        }
    }
}
