package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.analysis.render.CompareJson;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Interleaving;
import dev.quorumbench.run.RunFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code compare} of the two arms of one interleaved campaign tests them on that campaign's blocks (as the run did),
 * and anything else on the usual ten blocks a run.
 */
class InterleavedArmsCompareTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                   | base arm | base block | head arm | head block | head's campaign | units a side | units
        the arms of one campaign, blocks of 3    | base     | 3          | head     | 3          | c               | 4            | blocks
        the arms of one campaign, blocks of 1    | base     | 1          | head     | 1          | c               | 12           | block pairs
        ordinary runs                            | -        | 0          | -        | 0          | c               | 10           | blocks
        arms of different block sizes            | base     | 3          | head     | 2          | c               | 10           | blocks
        two base arms                            | base     | 3          | base     | 3          | c               | 10           | blocks
        an arm against an ordinary run           | base     | 3          | -        | 0          | c               | 10           | blocks
        arms of two different campaigns          | base     | 3          | head     | 3          | d               | 10           | blocks
        """)
    void unitsAreTheInterleavingBlocksOfOneCampaignsArms(String name, String baseArm, int baseBlock, String headArm,
            int headBlock, String headCampaign, int units, String kind) throws Exception {
        Path base = run("b", "c", baseArm, baseBlock, 1);
        Path head = run("h", headCampaign, headArm, headBlock, 2);
        Comparison c = RunComparison.compare(List.of(base), List.of(head), CompareSettings.defaults());
        JsonNode p50 = new ObjectMapper().readTree(CompareJson.render(c)).path("faults").path("drop_random_acks");
        JsonNode latency = null;
        for (JsonNode m : p50) {
            if (m.path("metric").asText().equals("latency_p50")) {
                latency = m;
            }
        }
        assertEquals(units, latency.path("base_units").asInt(), latency.toString());
        assertEquals(units, latency.path("head_units").asInt());
        assertEquals(kind, latency.path("units").asText(), latency.toString());
    }

    private Path run(String id, String campaign, String arm, int block, long seed) throws Exception {
        Path d = dir.resolve(id);
        RunFixture.synthetic(d, List.of(FaultClass.DROP_RANDOM_ACKS), 12, 10, seed);
        if (!arm.equals("-")) {
            CampaignSpec spec = CampaignJson.read(RunFiles.campaignJson(d));
            CampaignJson.write(spec.asArm(campaign + "-" + arm, spec.runDir(), new Interleaving(arm, block, "../x")));
        }
        return d;
    }
}
