package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * jmh-result.json as JMH-result tools read it: the parameters name only the fault class (no path, so runs of one
 * build line up as one series) and the secondary metrics carry write-latency percentiles averaged over cycles.
 */
@Tag("process")
class JmhResultProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path runs;

    @Test
    @Timeout(300)
    void paramsAreTheFaultAloneAndSecondaryMetricsCarryLatencyPercentiles() throws Exception {
        CampaignRun r = CampaignRun.run(runs, "jmhres", "--faults", "drop_random_acks", "--cycles", "3",
                "--writes", "10", "--warmup-cycles", "0");
        assertEquals(ExitCode.OK, r.exit(), r.err());

        JsonNode bench = JSON.readTree(r.dir().resolve("jmh-result.json").toFile()).get(0);

        assertEquals(List.of("fault"), names(bench.path("params")));
        assertEquals("drop_random_acks", bench.path("params").path("fault").asText());
        JsonNode p50 = bench.path("secondaryMetrics").path("latency_ok_p50");
        assertEquals("ms", p50.path("scoreUnit").asText());
        List<Double> cycles = new ArrayList<>();
        p50.path("rawData").get(0).forEach(v -> cycles.add(v.asDouble()));
        assertEquals(3, cycles.size(), "one value per cycle: " + p50);
        double mean = cycles.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(mean, p50.path("score").asDouble(), 1e-6, "JMH's score is the mean over cycles, not a sum");
        assertTrue(bench.path("secondaryMetrics").path("latency_ok_max").path("score").asDouble()
                >= p50.path("score").asDouble());
        assertEquals(30, bench.path("secondaryMetrics").path("ok").path("score").asLong()
                + bench.path("secondaryMetrics").path("quorum_not_met").path("score").asLong()
                + bench.path("secondaryMetrics").path("fail").path("score").asLong(), "the counts are still sums");
        assertTrue(r.phase4().path("faults").path("drop_random_acks").path("jmh_counts").has("ok"));
        assertTrue(!r.phase4().path("faults").path("drop_random_acks").path("jmh_counts").has("latency_ok_p50"));
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
