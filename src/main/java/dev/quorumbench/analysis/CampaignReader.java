package dev.quorumbench.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code campaign.json} into a {@link CampaignInfo}; required keys missing or mistyped are input errors. */
final class CampaignReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CampaignReader() {
    }

    static CampaignInfo read(Path file) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name + ": not valid JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(name + ": not a JSON object");
        }
        return parse(name, root);
    }

    static CampaignInfo parse(String name, JsonNode root) {
        String id = requiredText(name, root, "campaign_id");
        List<String> faults = new ArrayList<>();
        JsonNode fs = root.get("faults");
        if (fs == null || !fs.isArray() || fs.isEmpty()) {
            throw new InvalidInputException(name + ": \"faults\" must be a non-empty array of fault names");
        }
        for (JsonNode f : fs) {
            if (!f.isTextual()) {
                throw new InvalidInputException(name + ": \"faults\" must contain strings");
            }
            faults.add(f.asText());
        }
        int cycles = requiredInt(name, root, "cycles");
        int writes = requiredInt(name, root, "writes");
        JsonNode th = root.path("thresholds");
        Thresholds thresholds = new Thresholds(
                th.path("convergence_bound").asDouble(Thresholds.DEFAULT.convergenceBound()),
                th.path("replica_convergence").asDouble(Thresholds.DEFAULT.replicaConvergence()),
                th.path("lost_acknowledged").asLong(Thresholds.DEFAULT.lostAcknowledged()));
        Map<String, Mechanism> mechanisms = new LinkedHashMap<>();
        JsonNode ms = root.path("mechanisms");
        for (Iterator<Map.Entry<String, JsonNode>> it = ms.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            mechanisms.put(e.getKey(), mechanism(name, e.getKey(), e.getValue()));
        }
        List<String> nodeArgs = new ArrayList<>();
        for (JsonNode a : root.path("node_args")) {
            nodeArgs.add(a.asText());
        }
        Map<String, Object> env = new TreeMap<>();
        JsonNode en = root.path("environment");
        for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            env.put(e.getKey(), scalar(e.getValue()));
        }
        JsonNode rate = root.path("rate_per_s");
        return new CampaignInfo(id, text(root, "started_at"), text(root, "finished_at"),
                Collections.unmodifiableList(faults), cycles, writes, root.path("warmup_cycles").asInt(0),
                root.path("schedule").asText("closed-loop"), rate.isNumber() ? rate.asDouble() : null,
                thresholds, text(root, "target"), Collections.unmodifiableList(nodeArgs),
                root.path("quorum_writes").asInt(0), root.path("quorum_timeout_ms").asLong(0),
                root.path("fault_window_ms").asLong(0), root.path("skew_ms").asLong(0),
                Collections.unmodifiableMap(mechanisms), Collections.unmodifiableMap(env));
    }

    private static Mechanism mechanism(String name, String fault, JsonNode m) {
        String status = m.path("status").asText("");
        for (MechanismStatus s : MechanismStatus.values()) {
            if (s.key().equals(status)) {
                return new Mechanism(m.path("name").asText("unknown"), s, text(m, "reason"));
            }
        }
        throw new InvalidInputException(name + ": mechanisms." + fault + ".status '" + status
                + "' is not one of real, cooperative, simulated, unavailable");
    }

    private static Object scalar(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String text(JsonNode root, String key) {
        JsonNode v = root.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String requiredText(String name, JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidInputException(name + ": missing \"" + key + "\"");
        }
        return v.asText();
    }

    private static int requiredInt(String name, JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw new InvalidInputException(name + ": \"" + key + "\" must be a non-negative integer");
        }
        return v.asInt();
    }
}
