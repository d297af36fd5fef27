package dev.quorumbench.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in node for process tests: serves {@code GET /api/v1/health} with its node id, creates its database
 * file, and exits when its parent does. Flags: the node contract's, plus {@code --exit-now CODE},
 * {@code --never-healthy} and {@code --startup-delay-ms N} to simulate broken targets.
 */
public final class FakeNode {

    private FakeNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
                opt.put(args[i], flag ? "" : args[++i]);
            }
        }
        System.out.println("fake node " + opt.get("--node-id") + " starting with peers " + opt.get("--quorum-peers"));
        if (opt.containsKey("--exit-now")) {
            System.out.println("fake node: failing on purpose");
            System.exit(Integer.parseInt(opt.get("--exit-now")));
        }
        if (opt.containsKey("--parent-pid")) {
            ProcessHandle.of(Long.parseLong(opt.get("--parent-pid")))
                    .ifPresentOrElse(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                            () -> Runtime.getRuntime().halt(3));
        }
        String db = opt.getOrDefault("--db", System.getenv("AI_MEMORY_DB"));
        if (db != null) {
            Files.writeString(Path.of(db), "fake database\n");
            Files.writeString(Path.of(db + "-wal"), "fake wal\n");
        }
        Thread.sleep(Long.parseLong(opt.getOrDefault("--startup-delay-ms", "0")));
        String nodeId = opt.getOrDefault("--node-id", "?");
        String hostArg = opt.getOrDefault("--host", "127.0.0.1");
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName(hostArg), Integer.parseInt(opt.get("--port"))), 50);
        boolean healthy = !opt.containsKey("--never-healthy");
        server.createContext("/api/v1/health", ex -> {
            byte[] body = ("{\"status\":\"ok\",\"time_ms\":" + System.currentTimeMillis() + ",\"node_id\":\""
                    + nodeId + "\",\"marker\":\"" + System.getenv().getOrDefault("FAKE_MARKER", "")
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(healthy ? 200 : 503, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake node " + nodeId + " listening on " + opt.get("--port"));
        Thread.sleep(Long.MAX_VALUE);
    }
}
