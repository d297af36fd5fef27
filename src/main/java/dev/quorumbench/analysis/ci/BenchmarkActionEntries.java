package dev.quorumbench.analysis.ci;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.quorumbench.analysis.Phase4Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * github-action-benchmark's {@code customSmallerIsBetter} JSON, {@code [{"name", "unit", "value", "extra"}]}. Every
 * entry must get worse as it grows, so the convergence bound is tracked as its complement, the unconverged share
 * in percent ({@code 100 × (1 − convergence_bound)}).
 *
 * @param entries one per fault class and figure, in campaign order
 */
public record BenchmarkActionEntries(@JsonValue List<Entry> entries) {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The tool's entry; {@code extra} is shown in its tooltip. */
    @JsonPropertyOrder({"name", "unit", "value", "extra"})
    public record Entry(String name, String unit, double value, String extra) {
    }

    public static BenchmarkActionEntries of(Phase4Report report) {
        List<Entry> out = new ArrayList<>();
        for (TrackedMetrics.Figure f : TrackedMetrics.of(report)) {
            if (f.kind().smallerIsBetter) {
                out.add(new Entry(f.fault() + " " + f.kind().key, f.kind().unit, f.value(),
                        "acknowledged writes, " + report.cyclesPerFault() + " cycles x " + report.writesPerCycle()
                                + " writes"));
            } else {
                double unconverged = Math.round((1.0 - f.value()) * 100.0 * 1e6) / 1e6;
                out.add(new Entry(f.fault() + " unconverged", "%", unconverged,
                        String.format(Locale.ROOT, "100 x (1 - convergence_bound); convergence_bound %.6f",
                                f.value())));
            }
        }
        return new BenchmarkActionEntries(out);
    }

    public String render() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // lists of records always serialize
        }
    }
}
