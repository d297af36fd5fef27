package dev.quorumbench.fault;

import dev.quorumbench.cluster.LinkControl;
import dev.quorumbench.net.LinkMode;
import dev.quorumbench.net.LinkStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double of the link proxies: one real loopback listener per directed link that answers an HTTP request
 * when forwarding and holds it unanswered while black-holed; records every call. With {@code broken} set,
 * blackhole() is recorded but has no effect, to prove that inject's verification catches it.
 */
final class FakeLinks implements LinkControl, AutoCloseable {

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean broken;
    volatile long droppedToReport;
    private final int size;
    private final ServerSocket[][] servers;
    private final LinkMode[][] modes;

    FakeLinks(int size) throws IOException {
        this.size = size;
        servers = new ServerSocket[size][size];
        modes = new LinkMode[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (i != j) {
                    modes[i][j] = LinkMode.FORWARD;
                    ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                    servers[i][j] = s;
                    int from = i;
                    int to = j;
                    Thread t = new Thread(() -> acceptLoop(s, from, to), "fake-link-" + i + "-" + j);
                    t.setDaemon(true);
                    t.start();
                }
            }
        }
    }

    private void acceptLoop(ServerSocket server, int from, int to) {
        while (!server.isClosed()) {
            try {
                Socket c = server.accept();
                Thread t = new Thread(() -> serve(c, from, to));
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket c, int from, int to) {
        try (c) {
            long until = System.nanoTime() + 10_000_000_000L;
            // Like the real proxy: a black-holed link leaves the connection unserved until it is healed.
            while (modes[from][to] == LinkMode.BLACKHOLE && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            InputStream in = c.getInputStream();
            byte[] buf = new byte[1024];
            in.read(buf);
            OutputStream out = c.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the probe went away
        }
    }

    @Override
    public void blackhole(int from, int to) {
        calls.add("blackhole " + from + " " + to);
        if (!broken) {
            modes[from][to] = LinkMode.BLACKHOLE;
        }
    }

    @Override
    public void dropResponses(int from, int to, double share, long seed) {
        calls.add("dropResponses " + from + " " + to + " " + share + " " + seed);
        if (!broken) {
            modes[from][to] = LinkMode.DROP_RESPONSES;
        }
    }

    @Override
    public void healAll() {
        calls.add("healAll");
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (i != j) {
                    modes[i][j] = LinkMode.FORWARD;
                }
            }
        }
    }

    @Override
    public long droppedResponses() {
        return droppedToReport;
    }

    @Override
    public int port(int from, int to) {
        return servers[from][to].getLocalPort();
    }

    @Override
    public LinkStatus status(int from, int to) {
        return new LinkStatus(modes[from][to], port(from, to), 0, 0, droppedToReport);
    }

    LinkMode mode(int from, int to) {
        return modes[from][to];
    }

    @Override
    public void close() {
        for (ServerSocket[] row : servers) {
            for (ServerSocket s : row) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // test teardown
                    }
                }
            }
        }
    }
}
