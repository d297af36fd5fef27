package dev.quorumbench.fault;

import dev.quorumbench.time.Await;
import dev.quorumbench.time.Deadline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks loopback ports, all at once, for an HTTP health response and reports which answered within a window:
 * how a partition proves the cut took effect (no byte comes back) and that heal restored forwarding.
 *
 * <p>All ports share one deadline (non-blocking sockets on one selector) because probing four links one after
 * the other would eat most of a 500 ms window, and a short per-port timeout could mistake a slow link for a cut.
 */
final class LinkProbe {

    /** What one port did within the window. */
    enum Answer {
        /** At least one byte came back: the link forwards. */
        BYTES,
        /** Connected (or still connecting) but nothing came back: black-holed. */
        SILENT,
        /** The connection was closed or reset without a byte. */
        CLOSED,
        /** The connection was refused: nothing listens there. */
        REFUSED;

        /** True for every answer in which no byte came back. */
        boolean cut() {
            return this != BYTES;
        }
    }

    private static final byte[] REQUEST = ("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private LinkProbe() {
    }

    /** Probes every port in parallel for {@code windowMs} and returns each port's answer, in the given order. */
    static Map<Integer, Answer> probe(List<Integer> ports, long windowMs) {
        Map<Integer, Answer> answers = new LinkedHashMap<>();
        List<SocketChannel> open = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            int pending = 0;
            for (int port : ports) {
                answers.put(port, Answer.SILENT);
                try {
                    SocketChannel ch = SocketChannel.open();
                    open.add(ch);
                    ch.configureBlocking(false);
                    boolean connected = ch.connect(new InetSocketAddress(loopback, port));
                    ch.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, port);
                    pending++;
                } catch (IOException e) {
                    answers.put(port, Answer.REFUSED);
                }
            }
            long deadline = System.nanoTime() + windowMs * 1_000_000L;
            ByteBuffer buf = ByteBuffer.allocate(256);
            while (pending > 0) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
                if (leftMs <= 0) {
                    break;
                }
                selector.select(leftMs);
                for (SelectionKey key : selector.selectedKeys()) {
                    int port = (Integer) key.attachment();
                    SocketChannel ch = (SocketChannel) key.channel();
                    Answer decided = step(key, ch, buf);
                    if (decided != null) {
                        answers.put(port, decided);
                        key.cancel();
                        pending--;
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open a selector for link probes", e);
        } finally {
            for (SocketChannel ch : open) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing a probe socket cannot fail in a way that matters
                }
            }
        }
        return answers;
    }

    /** Advances one probe; returns its answer once decided, else null. */
    private static Answer step(SelectionKey key, SocketChannel ch, ByteBuffer buf) {
        try {
            if (key.isConnectable()) {
                ch.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
                return null;
            }
            if (key.isWritable()) {
                ch.write(ByteBuffer.wrap(REQUEST));
                key.interestOps(SelectionKey.OP_READ);
                return null;
            }
            if (key.isReadable()) {
                buf.clear();
                int n = ch.read(buf);
                return n > 0 ? Answer.BYTES : n < 0 ? Answer.CLOSED : null;
            }
            return null;
        } catch (java.net.ConnectException e) {
            return Answer.REFUSED;
        } catch (IOException e) {
            return Answer.CLOSED;
        }
    }

    /**
     * Probes until every port answers with bytes or {@code timeoutMs} passes (fresh connections each round, since
     * a link that was just healed may have dropped the previous one); returns the ports that never answered.
     */
    static List<Integer> awaitForwarding(List<Integer> ports, long timeoutMs) {
        Deadline deadline = Deadline.in(timeoutMs);
        List<Integer> silent = new ArrayList<>(ports);
        // A round waits up to 500 ms for silent ports itself; the pause between rounds only spaces out refusals.
        Await.until(() -> {
            long leftMs = deadline.leftMs();
            if (!silent.isEmpty() && leftMs > 0) {
                Map<Integer, Answer> round = probe(silent, Math.min(leftMs, 500));
                silent.removeIf(p -> round.get(p) == Answer.BYTES);
            }
            return silent.isEmpty();
        }, timeoutMs, 20);
        return silent;
    }
}
