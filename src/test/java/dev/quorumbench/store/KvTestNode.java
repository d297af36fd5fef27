package dev.quorumbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A broken key-value store for the declarative protocol's controls, shaped like etcd's JSON gateway (base64 keys,
 * {@code POST /put}, {@code POST /range} with {@code range_end}, {@code limit} and {@code more}, an RFC 3339
 * clock in {@code GET /health}), that does NOT replicate: each node keeps what it is sent, in memory.
 *
 * <p>{@code --mode ack-only}: acknowledges every put and stores nothing. {@code --mode forward-reads}: stores each
 * put on the node it was sent to, and serves every range from the first peer (node-0 for the other nodes) unless
 * the range asks {@code "local": true}, like a store that forwards default reads to its leader.
 *
 * <p>{@code --trace FILE} appends {@code put} and {@code range} lines to FILE as requests arrive (a test tells the
 * campaign's phase by them), {@code --range-delay-ms N} holds every range answer N ms (a read-back that lasts).
 */
public final class KvTestNode {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private static volatile Path trace;
    private static volatile long rangeDelayMs;

    private KvTestNode() {
    }

    private static void trace(String event) {
        Path t = trace;
        if (t != null) {
            try {
                Files.writeString(t, event + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // the trace is a test aid; the store still answers
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        if (opt.containsKey("--parent-pid")) {
            ProcessHandle.of(Long.parseLong(opt.get("--parent-pid")))
                    .ifPresentOrElse(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                            () -> Runtime.getRuntime().halt(3));
        }
        trace = opt.containsKey("--trace") ? Path.of(opt.get("--trace")) : null;
        rangeDelayMs = Long.parseLong(opt.getOrDefault("--range-delay-ms", "0"));
        String mode = opt.getOrDefault("--mode", "forward-reads");
        String peers = opt.getOrDefault("--quorum-peers", "");
        boolean leader = "0".equals(opt.get("--node-index"));
        String leaderUrl = leader || peers.isEmpty() ? null : peers.split(",")[0];
        start(opt.getOrDefault("--host", "127.0.0.1"), Integer.parseInt(opt.get("--port")), mode, leaderUrl);
        System.out.println("kv test node " + opt.get("--node-index") + " (" + mode + ") on " + opt.get("--port"));
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Serves one node on {@code port} (0: any); {@code leaderUrl} null: this node serves its own reads. */
    static HttpServer start(String host, int port, String mode, String leaderUrl) throws IOException {
        NavigableMap<String, String> data = new ConcurrentSkipListMap<>();
        HttpClient forward = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 50);
        server.createContext("/health", ex -> send(ex, 200, "{\"now\":\"" + Instant.now() + "\"}"));
        server.createContext("/put", ex -> {
            trace("put");
            JsonNode req = JSON.readTree(ex.getRequestBody());
            if (!"ack-only".equals(mode)) {
                data.put(new String(B64D.decode(req.path("key").asText()), StandardCharsets.UTF_8),
                        req.path("value").asText());
            }
            send(ex, 200, "{\"header\":{\"revision\":\"" + data.size() + "\"}}");
        });
        server.createContext("/range", ex -> {
            byte[] raw = ex.getRequestBody().readAllBytes();
            trace("range");
            if (rangeDelayMs > 0) {
                try {
                    Thread.sleep(rangeDelayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            JsonNode req = JSON.readTree(raw);
            if (leaderUrl != null && !req.path("local").asBoolean(false)) {
                try {
                    HttpResponse<String> r = forward.send(HttpRequest.newBuilder(URI.create(leaderUrl + "/range"))
                            .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    send(ex, r.statusCode(), r.body());
                } catch (IOException | InterruptedException e) {
                    send(ex, 503, "{\"error\":\"leader unreachable\"}");
                }
                return;
            }
            send(ex, 200, range(data, req));
        });
        server.start();
        return server;
    }

    /** Keys in [key, range_end), at most limit of them, etcd's way: {@code more} when some were left out. */
    private static String range(NavigableMap<String, String> data, JsonNode req) {
        String from = new String(B64D.decode(req.path("key").asText()), StandardCharsets.UTF_8);
        byte[] endBytes = B64D.decode(req.path("range_end").asText());
        String end = new String(endBytes, StandardCharsets.UTF_8);
        int limit = Integer.parseInt(req.path("limit").asText("0"));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode kvs = JSON.createArrayNode();
        boolean toEnd = Arrays.equals(endBytes, new byte[] {0});
        for (String k : (toEnd ? data.tailMap(from, true) : data.subMap(from, true, end, false)).keySet()) {
            if (limit > 0 && kvs.size() == limit) {
                out.put("more", true);
                break;
            }
            kvs.addObject().put("key", B64.encodeToString(k.getBytes(StandardCharsets.UTF_8)));
        }
        if (!kvs.isEmpty()) {
            out.set("kvs", kvs); // like etcd's gateway, an empty array is left out
        }
        return out.toString();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
