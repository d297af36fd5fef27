package dev.quorumbench.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** {@code GET /api/v1/health}: liveness plus the node's wall clock, quorum setup and row count. */
final class HealthEndpoint implements Endpoint {
    private final NodeConfig config;
    private final NodeClock clock;
    private final MemoryStore store;

    HealthEndpoint(NodeConfig config, NodeClock clock, MemoryStore store) {
        this.config = config;
        this.clock = clock;
        this.store = store;
    }

    @Override
    public JsonResponse handle(HttpExchange exchange) throws Exception {
        long now = clock.nowMs();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("status", "ok");
        o.put("node_id", config.nodeId());
        o.put("time_ms", now);
        o.put("time", Timestamps.format(now));
        o.put("quorum_writes", config.quorumWrites());
        var peers = o.putArray("peers");
        config.peers().forEach(p -> peers.add(p.toString()));
        o.put("memories", store.count());
        var unsafe = o.putArray("unsafe");
        config.unsafeFlags().forEach(unsafe::add);
        return JsonResponse.of(200, o);
    }
}
