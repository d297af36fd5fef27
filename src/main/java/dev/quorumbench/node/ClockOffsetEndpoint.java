package dev.quorumbench.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.function.Consumer;

/** {@code POST /api/v1/admin/clock-offset}: the cooperative clock skew, when the harness has no libfaketime. */
final class ClockOffsetEndpoint implements Endpoint {
    private final NodeClock clock;
    private final Consumer<String> log;

    ClockOffsetEndpoint(NodeClock clock, Consumer<String> log) {
        this.clock = clock;
        this.log = log;
    }

    @Override
    public JsonResponse handle(HttpExchange exchange) throws Exception {
        JsonNode body = WriteRequestParser.readTree(RequestBodies.readUtf8(exchange, 4096));
        JsonNode offset = body.path("offset_ms");
        if (!offset.isIntegralNumber() || !offset.canConvertToLong()) {
            throw BadRequestException.invalid("'offset_ms' must be an integer");
        }
        clock.setOffsetMs(offset.longValue());
        log.accept("clock offset_ms=" + offset.longValue());
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("offset_ms", clock.offsetMs());
        return JsonResponse.of(200, o);
    }
}
