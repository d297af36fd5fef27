package dev.quorumbench.store;

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
 * A raw-socket HTTP server that misbehaves below the HTTP layer, where a well-behaved test double cannot: it
 * trickles its body one byte at a time, hangs after reading the request, resets the connection or answers garbage.
 */
final class HostileServer implements AutoCloseable {

    /** How the server answers every request. */
    enum Mode {
        /** Headers of a 201 with a 1,000-byte body, then one body byte per {@code intervalMs}. */
        TRICKLE,
        /** Reads the request and never answers. */
        HANG,
        /** Reads the request and closes the connection with a TCP reset. */
        RESET,
        /** Answers bytes that are not HTTP. */
        GARBAGE
    }

    private final ServerSocket server;
    private final Mode mode;
    private final long intervalMs;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    HostileServer(Mode mode, long intervalMs) throws IOException {
        this.mode = mode;
        this.intervalMs = intervalMs;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "hostile-" + mode);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try {
            readHeaders(s.getInputStream());
            OutputStream out = s.getOutputStream();
            switch (mode) {
                case TRICKLE -> {
                    out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < 1000 && !s.isClosed(); i++) {
                        Thread.sleep(intervalMs);
                        out.write(' ');
                        out.flush();
                    }
                }
                case HANG -> Thread.sleep(Long.MAX_VALUE);
                case RESET -> {
                    s.setSoLinger(true, 0);
                    s.close();
                }
                case GARBAGE -> {
                    out.write("\u0000\u0001garbage, not HTTP\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    s.close();
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away (its deadline closed the connection) or the server is closing.
        }
    }

    /** Reads up to the blank line that ends the request head (the requests under test carry small bodies). */
    private static void readHeaders(InputStream in) throws IOException {
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            state = (b == '\r' && (state == 0 || state == 2)) ? state + 1
                    : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
