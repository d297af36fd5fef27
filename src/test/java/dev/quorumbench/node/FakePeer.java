package dev.quorumbench.node;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-process stand-in for a peer that acks every push, or hangs on it until closed. */
final class FakePeer implements AutoCloseable {
    private final HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger pushes = new AtomicInteger();

    private FakePeer(boolean hang) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            pushes.incrementAndGet();
            if (hang) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"applied\":1,\"memories\":[],\"next_seq\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    static FakePeer acking() throws IOException {
        return new FakePeer(false);
    }

    static FakePeer hanging() throws IOException {
        return new FakePeer(true);
    }

    /** A peer address where nothing listens (connections are refused). */
    static URI closed() throws IOException {
        return URI.create("http://127.0.0.1:" + TestHttp.freePort());
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
