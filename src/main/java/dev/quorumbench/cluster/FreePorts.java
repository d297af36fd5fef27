package dev.quorumbench.cluster;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for nodes, held open until {@link #close()} so nothing else we bind meanwhile (our own link proxies
 * included) gets them.
 *
 * <p>Ports come from below the kernel's ephemeral range: a killed node's port stays free for the seconds until its
 * restart, and no outgoing connection or {@code bind(0)} on the machine can take a port outside that range in
 * the meantime. Only when that range leaves no room do we fall back to an ephemeral port.
 */
final class FreePorts implements AutoCloseable {

    static final int LOWEST = 10_000;
    private static final int TRIES = 200;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private final ServerSocket[] held;

    private FreePorts(ServerSocket[] held) {
        this.held = held;
    }

    static FreePorts reserve(String host, int count) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        int[] range = candidateRange(readEphemeralRange());
        ServerSocket[] held = new ServerSocket[count];
        FreePorts r = new FreePorts(held);
        try {
            for (int i = 0; i < count; i++) {
                held[i] = bindOne(address, range);
            }
            return r;
        } catch (IOException e) {
            r.close();
            throw e;
        }
    }

    private static ServerSocket bindOne(InetAddress address, int[] range) throws IOException {
        if (range != null) {
            for (int t = 0; t < TRIES; t++) {
                int port = ThreadLocalRandom.current().nextInt(range[0], range[1] + 1);
                ServerSocket s = new ServerSocket();
                try {
                    s.bind(new java.net.InetSocketAddress(address, port), 1);
                    return s;
                } catch (BindException taken) {
                    s.close();
                }
            }
        }
        return new ServerSocket(0, 1, address);
    }

    /**
     * The ports to pick from, given the text of {@code ip_local_port_range} ("32768\t60999"): from {@link #LOWEST}
     * up to just below the ephemeral range, or null when that leaves fewer than 1000 ports or the text is unreadable.
     */
    static int[] candidateRange(String ephemeralRange) {
        if (ephemeralRange == null) {
            return null;
        }
        String[] parts = ephemeralRange.trim().split("\\s+");
        try {
            int low = Integer.parseInt(parts[0]);
            return low - 1 - LOWEST >= 1000 ? new int[] {LOWEST, low - 1} : null;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static String readEphemeralRange() {
        // a stream, not Files.readString: procfs reports no size and readString returned one byte here
        try (java.io.InputStream in = Files.newInputStream(EPHEMERAL_RANGE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
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
