package dev.quorumbench.fault;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A test child process: serves {@code GET /api/v1/health} with {@code time_ms = System.currentTimeMillis()} on the
 * port given as its argument, so a test can watch this JVM's wall clock from outside (e.g. under libfaketime).
 * It exits by itself after 120 s in case its parent dies without killing it.
 */
public final class ClockHealthMain {

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 16);
        server.createContext("/api/v1/health", ex -> {
            byte[] body = ("{\"status\":\"ok\",\"time_ms\":" + System.currentTimeMillis() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("ready");
        System.out.flush();
        // Bounded life: uses monotonic time, which libfaketime leaves alone with FAKETIME_DONT_FAKE_MONOTONIC=1.
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(500);
        }
        server.stop(0);
    }
}
