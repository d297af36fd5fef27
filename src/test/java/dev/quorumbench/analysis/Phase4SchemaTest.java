package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every phase4.json analysis produces — whole, partial, failing — validates against the published schema. */
class Phase4SchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Phase4SchemaTest.class.getResourceAsStream("/schema/phase4.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<ValidationMessage> validate(String json) throws IOException {
        return schema.validate(MAPPER.readTree(json));
    }

    @Test
    void wholeRunValidates() throws IOException {
        RunFixture.golden(dir);
        assertEquals(Set.of(), validate(Phase4Json.render(Phase4Analysis.analyze(dir))));
    }

    @Test
    void runWithAClassNotApplicableValidates() throws IOException {
        RunFixture.golden(dir);
        Path campaign = dir.resolve(RunFiles.CAMPAIGN_JSON);
        dev.quorumbench.run.CampaignJson.write(dev.quorumbench.run.CampaignJson.read(campaign)
                .withoutNotApplicable(java.util.Map.of(FaultClass.CLOCK_SKEW_PEER, "no clock to skew")));
        String json = Phase4Json.render(Phase4Analysis.analyze(dir));
        assertEquals(Set.of(), validate(json));
        assertEquals("no clock to skew", MAPPER.readTree(json).path("not_run").path("clock_skew_peer").asText());
    }

    @Test
    void partialRunWithMissingFilesValidates() throws IOException {
        RunFixture.golden(dir);
        Files.delete(dir.resolve(RunFiles.JMH_RESULT));
        Files.delete(dir.resolve(RunFiles.cycleLogName(FaultClass.CLOCK_SKEW_PEER)));
        Files.delete(dir.resolve(RunFiles.latencyLogName(FaultClass.CLOCK_SKEW_PEER)));
        String text = Files.readString(dir.resolve(RunFiles.cycleLogName(FaultClass.PARTITION_MINORITY)));
        Files.writeString(dir.resolve(RunFiles.cycleLogName(FaultClass.PARTITION_MINORITY)), text.substring(0, text.length() - 30));

        Phase4Report r = Phase4Analysis.analyze(dir);

        assertFalse(r.complete());
        assertEquals(Set.of(), validate(Phase4Json.render(r)));
    }

    @Test
    void syntheticRunValidates() throws IOException {
        RunFixture.synthetic(dir, RunFixture.FAULTS, 5, 20, 7L);
        assertEquals(Set.of(), validate(Phase4Json.render(Phase4Analysis.analyze(dir))));
    }

    @Test
    void schemaRejectsAnOutOfRangeBoundAndAMissingKey() throws IOException {
        RunFixture.golden(dir);
        ObjectNode tree = Phase4Json.tree(Phase4Analysis.analyze(dir));
        ((ObjectNode) tree.get("convergence_by_fault")).put(FaultClass.PARTITION_MINORITY.key(), 1.5);
        ((ObjectNode) tree.get("faults").get(FaultClass.DROP_RANDOM_ACKS.key())).remove("replica_convergence");

        Set<ValidationMessage> errors = schema.validate((JsonNode) tree);

        assertEquals(2, errors.size(), errors::toString);
    }
}
