package dev.quorumbench.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.bench.AbSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArmResultsTest {

    /** Eight measured iterations: raw values 1..8, an event counter 10..80. */
    private static final String RESULT = """
            [{"benchmark": "x.write", "params": {"fault": "partition_minority"}, "warmupIterations": 2,
              "measurementIterations": 8,
              "primaryMetric": {"score": 4.5, "scoreError": 1.0, "scoreConfidence": [3.5, 5.5],
                                "scorePercentiles": {"50.0": 4.5}, "scoreUnit": "ms/op",
                                "rawData": [[1, 2, 3, 4, 5, 6, 7, 8]]},
              "secondaryMetrics": {
                "ok": {"score": 360, "scoreUnit": "#", "rawData": [[10, 20, 30, 40, 50, 60, 70, 80]]},
                "latency_ok_p50": {"score": 4.5, "scoreUnit": "ms", "rawData": [[1, 2, 3, 4, 5, 6, 7, 8]]}}}]
            """;

    @ParameterizedTest(name = "arm {0}, blocks of {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # arm | block | raw values          | iterations | mean  | ok sum
        0     | 1     | [1.0,4.0,5.0,8.0]   | 4          | 4.5   | 180
        1     | 1     | [2.0,3.0,6.0,7.0]   | 4          | 4.5   | 180
        0     | 2     | [1.0,2.0,7.0,8.0]   | 4          | 4.5   | 180
        1     | 2     | [3.0,4.0,5.0,6.0]   | 4          | 4.5   | 180
        0     | 4     | [1.0,2.0,3.0,4.0]   | 4          | 2.5   | 100
        1     | 4     | [5.0,6.0,7.0,8.0]   | 4          | 6.5   | 260
        """)
    void givesEachArmTheIterationsItRan(int arm, int block, String raw, int iterations, double mean, double ok)
            throws Exception {
        JsonNode split = ArmResults.split(new ObjectMapper().readTree(RESULT), arm, block).get(0);
        assertEquals(raw, split.at("/primaryMetric/rawData/0").toString());
        assertEquals(iterations, split.get("measurementIterations").asInt());
        assertEquals(1, split.get("warmupIterations").asInt());
        assertEquals(mean, split.at("/primaryMetric/score").asDouble(), 1e-9);
        assertEquals(mean, split.at("/secondaryMetrics/latency_ok_p50/score").asDouble(), 1e-9);
        assertEquals(ok, split.at("/secondaryMetrics/ok/score").asDouble(), 1e-9);
        // What the split cannot recompute is said to be unknown, not copied from both arms together.
        assertEquals("NaN", split.at("/primaryMetric/scoreError").asText());
        assertEquals(true, split.at("/primaryMetric/scorePercentiles").isMissingNode());
        assertEquals("partition_minority", split.at("/params/fault").asText());
    }

    @org.junit.jupiter.api.Test
    void armsTogetherHoldEveryIteration() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(RESULT);
        int both = ArmResults.split(tree, AbSchedule.BASE, 2).get(0).get("measurementIterations").asInt()
                + ArmResults.split(tree, AbSchedule.HEAD, 2).get(0).get("measurementIterations").asInt();
        assertEquals(8, both);
    }

    /** A cycle without an acknowledged write reports no latency: seven values for eight iterations. */
    @org.junit.jupiter.api.Test
    void leavesOutAMetricWhoseValuesCannotBeMatchedToIterations() throws Exception {
        String gap = RESULT.replace("[[1, 2, 3, 4, 5, 6, 7, 8]]}}}", "[[1, 2, 3, 5, 6, 7, 8]]}}}");
        JsonNode tree = new ObjectMapper().readTree(gap);
        for (int arm : new int[] {AbSchedule.BASE, AbSchedule.HEAD}) {
            JsonNode split = ArmResults.split(tree, arm, 2).get(0);
            assertEquals(true, split.at("/secondaryMetrics/latency_ok_p50").isMissingNode());
            assertEquals(180, split.at("/secondaryMetrics/ok/score").asDouble(), 1e-9);
        }
    }
}
