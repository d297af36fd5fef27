package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * phase4.json carries fail_definite / fail_indeterminate beside fail exactly when every cycle of a class recorded
 * the split, and omits them otherwise, so runs recorded before the split analyse to the same bytes as before.
 */
class FailSplitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void splitRecordsGiveTheSplitBesideFailAndValidate() throws IOException {
        RunFixture.golden(dir);
        for (FaultClass fault : RunFixture.FAULTS) {
            addSplit(fault, -1);
        }
        ObjectNode tree = Phase4Json.tree(Phase4Analysis.analyze(dir));
        for (FaultClass fault : RunFixture.FAULTS) {
            JsonNode f = tree.get("faults").get(fault.key());
            assertTrue(f.has("fail_definite") && f.has("fail_indeterminate"), fault + ": " + f);
            assertEquals(f.get("fail").asLong(), f.get("fail_definite").asLong() + f.get("fail_indeterminate").asLong());
            List<String> keys = new ArrayList<>();
            f.fieldNames().forEachRemaining(keys::add);
            assertEquals(keys.indexOf("fail") + 1, keys.indexOf("fail_definite"), "beside fail: " + keys);
            assertEquals(keys.indexOf("fail") + 2, keys.indexOf("fail_indeterminate"));
        }
        try (InputStream in = getClass().getResourceAsStream("/schema/phase4.schema.json")) {
            assertEquals(Set.of(), JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in)
                    .validate((JsonNode) tree));
        }
    }

    @Test
    void oneCycleWithoutTheSplitOmitsItForItsClassOnly() throws IOException {
        RunFixture.golden(dir);
        FaultClass partial = RunFixture.FAULTS.get(0);
        for (FaultClass fault : RunFixture.FAULTS) {
            addSplit(fault, fault == partial ? 0 : -1);
        }
        ObjectNode tree = Phase4Json.tree(Phase4Analysis.analyze(dir));
        assertFalse(tree.get("faults").get(partial.key()).has("fail_definite"));
        assertFalse(tree.get("faults").get(partial.key()).has("fail_indeterminate"));
        assertTrue(tree.get("faults").get(RunFixture.FAULTS.get(1).key()).has("fail_definite"));
    }

    @Test
    void recordsWithoutTheSplitRenderAsBefore() throws IOException {
        RunFixture.golden(dir);
        String text = Phase4Json.render(Phase4Analysis.analyze(dir));
        assertFalse(text.contains("fail_definite") || text.contains("fail_indeterminate"));
    }

    @Test
    void aSplitThatDoesNotAddUpToFailFailsItsClassWithAReason() throws IOException {
        RunFixture.golden(dir);
        FaultClass broken = RunFixture.FAULTS.get(1);
        for (FaultClass fault : RunFixture.FAULTS) {
            addSplit(fault, -1);
        }
        Path file = RunFiles.cycleLog(dir, broken);
        List<String> lines = Files.readAllLines(file);
        ObjectNode first = (ObjectNode) JSON.readTree(lines.get(0));
        first.put("fail_indeterminate", first.get("fail_indeterminate").asInt() + 1);
        lines.set(0, JSON.writeValueAsString(first));
        Files.write(file, lines);

        ObjectNode tree = Phase4Json.tree(Phase4Analysis.analyze(dir));
        JsonNode f = tree.get("faults").get(broken.key());
        assertFalse(f.get("pass").asBoolean(), f.toString());
        assertTrue(f.get("reasons").toString().contains(broken.key()
                + ": fail_definite + fail_indeterminate != fail in 1 cycle(s), first " + first.get("cycle").asInt()),
                f.get("reasons").toString());
    }

    /** Rewrites a class's JSONL with a split of every cycle's fail (all but the first definite), except line {@code skip}. */
    private void addSplit(FaultClass fault, int skip) throws IOException {
        Path file = RunFiles.cycleLog(dir, fault);
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = (ObjectNode) JSON.readTree(lines.get(i));
            if (i != skip) {
                int fail = line.get("fail").asInt();
                line.put("fail_definite", Math.max(0, fail - 1));
                line.put("fail_indeterminate", Math.min(1, fail));
            }
            out.add(JSON.writeValueAsString(line));
        }
        Files.write(file, out);
    }
}
