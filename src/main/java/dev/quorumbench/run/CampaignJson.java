package dev.quorumbench.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Binds {@code campaign.json} to {@link CampaignSpec} in both directions: the file is written and read with one
 * strict configuration (every key known), so a file the harness did not write, or wrote with another shape, is an
 * input error naming the file and the field rather than a silently different campaign. A key the harness added
 * after a run was recorded is read as its documented default ({@link CampaignDefaults}), so older runs still
 * analyse and compare; only the keys every version wrote are required. Campaign settings (defaults, presets,
 * options) bind to the same type, leniently.
 */
public final class CampaignJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Settings layers (defaults, presets, options) name only what they set and ignore keys they do not know. */
    private static final ObjectMapper SETTINGS = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Types as strict as the command line's parsers: "5" is not a number and 1.5 is not a cycle count.
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CampaignJson() {
    }

    /** The file's text: two-space indented, keys in {@link CampaignSpec}'s component order. */
    public static String text(CampaignSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // records of strings, numbers and maps always serialize
        }
    }

    /** Writes {@code campaign.json} into the spec's run directory, atomically; returns its path. */
    public static Path write(CampaignSpec spec) throws IOException {
        return AtomicFiles.write(RunFiles.campaignJson(spec.runPath()), text(spec));
    }

    /** Reads {@code file}; anything unreadable, unknown, missing or invalid is a one-line input error. */
    public static CampaignSpec read(Path file) {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + ": no such file (" + file + ")");
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(name, text);
    }

    /** Parses the text of a campaign.json called {@code name} (used in messages). */
    public static CampaignSpec parse(String name, String text) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new InvalidInputException(name + ": not a JSON object");
            }
            for (String key : REQUIRED) {
                if (!tree.has(key)) {
                    throw new InvalidInputException(name + ": missing field '" + key + "'");
                }
            }
            return MAPPER.treeToValue(withDefaults((ObjectNode) tree), CampaignSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(name + ": unknown field '" + path(e) + "'");
        } catch (StreamReadException e) {
            throw new InvalidInputException(name + ": not valid JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (JsonMappingException e) {
            String where = path(e);
            throw new InvalidInputException(name + ": " + (where.isEmpty() ? "" : where + ": ") + reason(e));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    /**
     * Binds merged campaign settings (a JSON object with the campaign.json keys, missing ones defaulted) to a spec;
     * a refused value is its own one-line message, anything else is prefixed {@code campaign settings:}.
     */
    public static CampaignSpec fromSettings(JsonNode settings) {
        try {
            return SETTINGS.treeToValue(settings, CampaignSpec.class);
        } catch (JsonMappingException e) {
            InvalidInputException own = ownReason(e);
            if (own != null) {
                throw own;
            }
            String where = path(e);
            // Jackson's hint about CoercionConfig is for programmers, not for whoever wrote the preset.
            throw new InvalidInputException("campaign settings: " + (where.isEmpty() ? "" : where + ": ")
                    + firstLine(e.getOriginalMessage()).replaceFirst(" \\(but might if coercion.*\\)$", ""));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("campaign settings: " + firstLine(e.getOriginalMessage()));
        }
    }

    /**
     * Fills the keys an older harness did not write: the documented defaults, the read-back deadline derived
     * from the quorum timeout, and null for what was optional then (times, mechanisms, environment).
     */
    private static ObjectNode withDefaults(ObjectNode file) {
        ObjectNode full = CampaignDefaults.settings();
        ObjectNode thresholds = (ObjectNode) full.get("thresholds");
        full.setAll(file);
        if (file.path("thresholds").isObject()) {
            thresholds.setAll((ObjectNode) file.get("thresholds"));
            full.set("thresholds", thresholds);
        }
        if (!full.has("converge_deadline_ms")) {
            full.put("converge_deadline_ms",
                    CampaignDefaults.convergeDeadlineMs(full.path("quorum_timeout_ms").asLong(2000)));
        }
        for (String key : List.of("run_dir", "schedule", "rate_per_s", "node_args", "mechanism_overrides",
                "started_at", "finished_at", "mechanisms", "environment", "not_applicable", "interleaving")) {
            if (!full.has(key)) {
                full.putNull(key);
            }
        }
        if (!full.has("started_at_ms")) {
            full.put("started_at_ms", 0L);
        }
        return full;
    }

    /** The keys every campaign.json this harness ever wrote has. */
    private static final List<String> REQUIRED = List.of("campaign_id", "faults", "cycles", "writes");

    /** The JSON path of the failure, e.g. {@code faults[1]} or {@code thresholds.convergence_bound}. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** Our own validation message when the record or a fault class refused the value, else Jackson's. */
    private static String reason(JsonMappingException e) {
        InvalidInputException own = ownReason(e);
        return own != null ? own.getMessage() : firstLine(e.getOriginalMessage());
    }

    /** The InvalidInputException behind a refused value (the record's rules, a fault class, a schedule), or null. */
    private static InvalidInputException ownReason(JsonMappingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException iie) {
                return iie;
            }
        }
        // A refused map key carries no cause, only the key: ask the fault class again for its own message.
        if (e instanceof InvalidFormatException ife && ife.getTargetType() == FaultClass.class) {
            try {
                FaultClass.fromKey(String.valueOf(ife.getValue()));
            } catch (InvalidInputException iie) {
                return iie;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "invalid" : message.split("\n")[0];
    }
}
