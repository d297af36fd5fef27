package dev.quorumbench.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Pure validation of a client write body into a {@link WriteRequest}; bad input is a 400 naming the field. */
final class WriteRequestParser {

    private WriteRequestParser() {
    }

    static WriteRequest parse(String body) {
        return parse(readTree(body));
    }

    static WriteRequest parse(JsonNode body) {
        JsonFields f = new JsonFields(body);
        String onConflict = f.optionalString("on_conflict", 16, "error");
        if (!onConflict.equals("error") && !onConflict.equals("merge")) {
            throw BadRequestException.invalid("'on_conflict' must be 'error' or 'merge'");
        }
        return new WriteRequest(f.tier(), f.requiredString("namespace", FieldLimits.NAMESPACE_CHARS),
                f.requiredString("title", FieldLimits.TITLE_CHARS),
                f.requiredString("content", FieldLimits.CONTENT_CHARS), f.tags(), f.priority(), f.confidence(),
                f.optionalString("source", FieldLimits.SOURCE_CHARS, "api"), f.metadataJson(),
                onConflict.equals("merge"));
    }

    static JsonNode readTree(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new BadRequestException(400, "invalid_json", "request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequestException(400, "invalid_json", "request body is not valid JSON");
        }
    }
}
