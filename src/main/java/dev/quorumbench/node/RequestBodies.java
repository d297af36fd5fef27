package dev.quorumbench.node;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads request bodies with a byte cap enforced both on Content-Length and while reading (chunked bodies). */
final class RequestBodies {
    /**
     * An oversized body is read and discarded up to this many bytes before the 413 goes out: a server that
     * answers and closes with unread bytes in its socket makes the kernel send RST, and the client sees a reset
     * instead of the 413. Beyond this the connection is simply closed.
     */
    static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private RequestBodies() {
    }

    static String readUtf8(HttpExchange exchange, long maxBytes) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (declared != null) {
                long length;
                try {
                    length = Long.parseLong(declared.trim());
                } catch (NumberFormatException e) {
                    throw BadRequestException.invalid("Content-Length is not a number");
                }
                if (length > maxBytes) {
                    drain(in, length);
                    throw tooLarge(maxBytes);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > maxBytes) {
                    drain(in, DRAIN_LIMIT);
                    throw tooLarge(maxBytes);
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static void drain(InputStream in, long upTo) throws IOException {
        if (upTo > DRAIN_LIMIT) {
            return;
        }
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < upTo && (n = in.read(buf)) > 0) {
            total += n;
        }
    }

    private static BadRequestException tooLarge(long maxBytes) {
        return new BadRequestException(413, "payload_too_large", "request body is larger than " + maxBytes
                + " bytes");
    }
}
