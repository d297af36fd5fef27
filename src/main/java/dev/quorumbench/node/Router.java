package dev.quorumbench.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Dispatches every request by exact path and method, and turns every failure into a JSON error answer. */
final class Router implements HttpHandler {
    private final Map<String, Map<String, Endpoint>> routes = new HashMap<>();
    private final Consumer<String> log;

    Router(Consumer<String> log) {
        this.log = log;
    }

    Router on(String method, String path, Endpoint endpoint) {
        routes.computeIfAbsent(path, p -> new HashMap<>()).put(method, endpoint);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, answer(exchange));
        } catch (IOException e) {
            // The client went away mid-answer; nothing to tell it.
        }
    }

    private JsonResponse answer(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Map<String, Endpoint> methods = routes.get(path);
        if (methods == null) {
            return JsonResponse.error(404, "not_found", "no such endpoint: " + path);
        }
        Endpoint endpoint = methods.get(exchange.getRequestMethod());
        if (endpoint == null) {
            JsonResponse r = JsonResponse.error(405, "method_not_allowed",
                    exchange.getRequestMethod() + " is not allowed on " + path);
            return new JsonResponse(r.status(), r.body(), Map.of("Allow", String.join(", ",
                    new TreeSet<>(methods.keySet()))));
        }
        try {
            return endpoint.handle(exchange);
        } catch (BadRequestException e) {
            return JsonResponse.error(e.status(), e.error(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JsonResponse.error(503, "shutting_down", "the node is shutting down");
        } catch (Exception e) {
            log.accept("error " + exchange.getRequestMethod() + " " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().replace('\n', ' ')));
            return JsonResponse.error(500, "internal", e.getClass().getSimpleName());
        }
    }

    private static void send(HttpExchange exchange, JsonResponse r) throws IOException {
        byte[] body = Json.MAPPER.writeValueAsBytes(r.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(r.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
