package dev.quorumbench.campaign;

import dev.quorumbench.run.CampaignSpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.run.RunFiles;
import dev.quorumbench.run.Mechanism;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

/**
 * Writes {@code campaign.json}: the spec the forks run, plus start and finish times, the mechanism each fault
 * class resolved to on this machine, and the environment. Written atomically (temp file + rename).
 */
public final class CampaignFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CampaignFile() {
    }

    public static void write(CampaignSpec spec, Map<String, Mechanism> mechanisms, Map<String, Object> environment,
                             Long finishedAtMs) throws IOException {
        ObjectNode doc = JSON.valueToTree(spec);
        doc.put("started_at", Instant.ofEpochMilli(spec.startedAtMs()).toString());
        if (finishedAtMs == null) {
            doc.putNull("finished_at");
        } else {
            doc.put("finished_at", Instant.ofEpochMilli(finishedAtMs).toString());
        }
        ObjectNode mech = doc.putObject("mechanisms");
        for (Map.Entry<String, Mechanism> e : mechanisms.entrySet()) {
            ObjectNode m = mech.putObject(e.getKey());
            m.put("name", e.getValue().name());
            m.put("status", e.getValue().status().key());
            m.put("reason", e.getValue().reason());
        }
        doc.set("environment", JSON.valueToTree(environment));
        Path file = RunFiles.campaignJson(spec.runPath());
        Path tmp = file.resolveSibling("campaign.json.tmp");
        JSON.writeValue(tmp.toFile(), doc);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
