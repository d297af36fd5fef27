package dev.quorumbench.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** An HTTP answer with a JSON body and optional extra headers. */
record JsonResponse(int status, JsonNode body, Map<String, String> headers) {

    static JsonResponse of(int status, JsonNode body) {
        return new JsonResponse(status, body, Map.of());
    }

    static JsonResponse error(int status, String error, String message) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("error", error);
        o.put("message", message);
        return of(status, o);
    }
}
