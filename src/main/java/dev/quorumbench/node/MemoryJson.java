package dev.quorumbench.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Converts full memory rows to and from their JSON wire form (listing, sync push, sync pull). */
final class MemoryJson {

    private MemoryJson() {
    }

    static ObjectNode toJson(Memory m) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", m.id());
        o.put("namespace", m.namespace());
        o.put("title", m.title());
        o.put("content", m.content());
        o.put("tier", m.tier());
        m.tags().forEach(o.putArray("tags")::add);
        o.put("priority", m.priority());
        o.put("confidence", m.confidence());
        o.put("source", m.source());
        try {
            o.set("metadata", Json.MAPPER.readTree(m.metadataJson()));
        } catch (JsonProcessingException e) {
            // Stored metadata was serialized by this node; unreadable text means a corrupted row.
            throw new IllegalStateException("stored metadata of " + m.id() + " is not JSON", e);
        }
        o.put("created_at", Timestamps.format(m.createdAtMs()));
        o.put("updated_at", Timestamps.format(m.updatedAtMs()));
        return o;
    }

    /** Reads a full row sent by a peer, with the same field limits as a client write. */
    static Memory fromJson(JsonNode node) {
        JsonFields f = new JsonFields(node);
        return new Memory(f.requiredString("id", 64), f.requiredString("namespace", FieldLimits.NAMESPACE_CHARS),
                f.requiredString("title", FieldLimits.TITLE_CHARS),
                f.requiredString("content", FieldLimits.CONTENT_CHARS), f.tier(), f.tags(), f.priority(),
                f.confidence(), f.optionalString("source", FieldLimits.SOURCE_CHARS, "api"), f.metadataJson(),
                f.requiredTimestampMs("created_at"), f.requiredTimestampMs("updated_at"));
    }
}
