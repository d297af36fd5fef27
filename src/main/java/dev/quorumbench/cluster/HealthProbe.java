package dev.quorumbench.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One bounded {@code GET} of a node's health path over a fresh connection, true on status 200.
 *
 * <p>A raw HTTP/1.1 request with {@code Connection: close} keeps no pooled connection to a node that may be
 * killed a moment later, and its timeouts are exactly the ones given.
 */
final class HealthProbe {

    private HealthProbe() {
    }

    static boolean healthy(String host, int port, String path, int timeoutMs) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nConnection: close\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return statusCode(s.getInputStream()) == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the status line ("HTTP/1.1 200 OK") and returns its code, or -1. */
    static int statusCode(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.length() < 200) {
            line.append((char) c);
        }
        String[] parts = line.toString().trim().split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
