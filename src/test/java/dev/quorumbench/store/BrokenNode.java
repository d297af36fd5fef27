package dev.quorumbench.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broken HTTP node on a loopback port (a test double with real sockets): each connection reads one whole
 * request, body included, and then does the next scripted thing — answer with a status and body, reset the
 * connection, or stall (hold it open and never answer). The last action repeats. Answers carry
 * {@code Connection: close}, so every attempt is a connection.
 */
final class BrokenNode implements AutoCloseable {

    /** What the node does with one request it has read completely. */
    enum Action {
        CREATED(201, "{\"id\":\"m-1\",\"quorum_acks\":2}"),
        QUORUM_NOT_MET(503, "{\"error\":\"quorum_not_met\",\"got\":0,\"needed\":1}"),
        CONFLICT(409, "{\"error\":\"conflict\"}"),
        REJECTED(400, "{\"error\":\"invalid_input\"}"),
        SERVER_ERROR(500, "{\"error\":\"internal\"}"),
        GARBAGE(200, "<html>surprise</html>"),
        /** Reads the body, then RST (SO_LINGER 0): the write may have been applied, the answer is lost. */
        RESET(0, null),
        /** Reads the body, then never answers; the connection stays open until the client gives up or close(). */
        STALL(0, null);

        final int status;
        final String body;

        Action(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    private final ServerSocket server;
    private final Deque<Action> script;
    private final Thread acceptor;
    private final List<Socket> stalled = new CopyOnWriteArrayList<>();
    private volatile int requests;

    BrokenNode(Action... script) throws IOException {
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.script = new ArrayDeque<>(Arrays.asList(script));
        this.acceptor = new Thread(this::serve, "broken-node");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int requests() {
        return requests;
    }

    private void serve() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // the server was closed
            }
            boolean keepOpen = false;
            try {
                s.setSoTimeout(2_000);
                readRequest(s.getInputStream());
                requests++;
                Action a;
                synchronized (script) {
                    a = script.size() > 1 ? script.poll() : script.peek();
                }
                if (a == Action.STALL) {
                    stalled.add(s); // closed by close(); the next connection is accepted at once
                    keepOpen = true;
                } else if (a == Action.RESET) {
                    s.setSoLinger(true, 0); // closing with linger 0 sends RST
                } else {
                    byte[] body = a.body.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 " + a.status + " X\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException e) {
                // a client that went away ends only its connection
            } finally {
                if (!keepOpen) {
                    closeQuietly(s);
                }
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    /** Reads the head up to the blank line and then Content-Length bytes of body. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            byte[] b = head.toByteArray();
            int n = b.length;
            if (n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n') {
                break;
            }
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
        server.close();
        stalled.forEach(BrokenNode::closeQuietly);
    }
}
