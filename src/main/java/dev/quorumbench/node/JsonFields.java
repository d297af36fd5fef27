package dev.quorumbench.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed, limit-checked reads of one JSON object's fields; every failure is a 400 naming the field. */
final class JsonFields {
    private static final Set<String> TIERS = Set.of("short", "mid", "long");

    private final JsonNode object;

    JsonFields(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw BadRequestException.invalid("body must be a JSON object");
        }
        this.object = object;
    }

    private JsonNode present(String name) {
        JsonNode v = object.get(name);
        return v == null || v.isNull() ? null : v;
    }

    String requiredString(String name, int maxChars) {
        String s = optionalString(name, maxChars, null);
        if (s == null || s.isBlank()) {
            throw BadRequestException.invalid("'" + name + "' is required and must be a non-empty string");
        }
        return s;
    }

    String optionalString(String name, int maxChars, String dflt) {
        JsonNode v = present(name);
        if (v == null) {
            return dflt;
        }
        if (!v.isTextual()) {
            throw BadRequestException.invalid("'" + name + "' must be a string");
        }
        String s = v.textValue();
        if (s.length() > maxChars) {
            throw BadRequestException.invalid("'" + name + "' is longer than " + maxChars + " characters");
        }
        return s;
    }

    String tier() {
        String t = optionalString("tier", 16, "mid");
        if (!TIERS.contains(t)) {
            throw BadRequestException.invalid("'tier' must be one of short, mid, long");
        }
        return t;
    }

    List<String> tags() {
        JsonNode v = present("tags");
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw BadRequestException.invalid("'tags' must be an array of strings");
        }
        if (v.size() > FieldLimits.TAGS) {
            throw BadRequestException.invalid("'tags' has more than " + FieldLimits.TAGS + " entries");
        }
        List<String> tags = new ArrayList<>(v.size());
        for (JsonNode t : v) {
            if (!t.isTextual()) {
                throw BadRequestException.invalid("'tags' must be an array of strings");
            }
            if (t.textValue().length() > FieldLimits.TAG_CHARS) {
                throw BadRequestException.invalid("a tag is longer than " + FieldLimits.TAG_CHARS + " characters");
            }
            tags.add(t.textValue());
        }
        return tags;
    }

    int priority() {
        JsonNode v = present("priority");
        if (v == null) {
            return 5;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()
                || v.intValue() < FieldLimits.PRIORITY_MIN || v.intValue() > FieldLimits.PRIORITY_MAX) {
            throw BadRequestException.invalid("'priority' must be an integer from 1 to 10");
        }
        return v.intValue();
    }

    double confidence() {
        JsonNode v = present("confidence");
        if (v == null) {
            return 1.0;
        }
        if (!v.isNumber() || !(v.doubleValue() >= 0.0 && v.doubleValue() <= 1.0)) {
            throw BadRequestException.invalid("'confidence' must be a number from 0 to 1");
        }
        return v.doubleValue();
    }

    /** The metadata object as compact JSON text ({@code {}} when absent). */
    String metadataJson() {
        JsonNode v = present("metadata");
        if (v == null) {
            return "{}";
        }
        if (!v.isObject()) {
            throw BadRequestException.invalid("'metadata' must be a JSON object");
        }
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw BadRequestException.invalid("'metadata' cannot be serialized");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > FieldLimits.METADATA_BYTES) {
            throw BadRequestException.invalid("'metadata' is larger than " + FieldLimits.METADATA_BYTES + " bytes");
        }
        return text;
    }

    long requiredTimestampMs(String name) {
        String s = requiredString(name, 64);
        try {
            return Timestamps.parseMs(s);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.invalid("'" + name + "' must be an RFC 3339 timestamp");
        }
    }
}
