package dev.quorumbench.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports the kernel says are free, held open until {@link #close()} so that nothing else bound meanwhile (our own
 * link proxies included) gets them; the node binds its port a moment after release, so a race remains possible.
 */
final class FreePorts implements AutoCloseable {

    private final ServerSocket[] held;

    private FreePorts(ServerSocket[] held) {
        this.held = held;
    }

    static FreePorts reserve(String host, int count) throws IOException {
        ServerSocket[] held = new ServerSocket[count];
        FreePorts r = new FreePorts(held);
        try {
            for (int i = 0; i < count; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getByName(host));
            }
            return r;
        } catch (IOException e) {
            r.close();
            throw e;
        }
    }

    int[] ports() {
        int[] ports = new int[held.length];
        for (int i = 0; i < held.length; i++) {
            ports[i] = held[i].getLocalPort();
        }
        return ports;
    }

    @Override
    public void close() {
        for (ServerSocket s : held) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }
}
