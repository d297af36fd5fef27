package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 clients send part of a request and fall silent (issue 11, break 4: with 64 or more the node stopped
 * answering for as long as they stayed). The node closes them at its request-time limit and answers health and
 * writes again while they are still open on the client side.
 */
@Tag("process")
class StalledClientsProcessTest {
    @TempDir
    Path dir;
    private NodeProcess node;
    private final List<Socket> stalled = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Socket s : stalled) {
            s.close();
        }
        if (node != null) {
            node.kill();
        }
    }

    @Test
    @Timeout(180)
    void aHundredStalledConnectionsDoNotStarveTheNode() throws Exception {
        // --quorum-timeout-ms 1000: the request-time limit is 1 s + 5 s.
        node = new NodeProcess(dir, "abused", TestHttp.freePort(), dir.resolve("abused.db"),
                List.of("--quorum-timeout-ms", "1000"), Map.of()).start().awaitHealthy(60_000);
        for (int i = 0; i < 100; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), node.uri().getPort());
            stalled.add(s);
            OutputStream out = s.getOutputStream();
            if (i % 2 == 0) {
                out.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)); // no blank line
            } else {
                out.write(("POST /api/v1/memories HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 500\r\n\r\n{\"namespace\":").getBytes(StandardCharsets.US_ASCII)); // short body
            }
            out.flush();
        }
        Thread.sleep(1_000); // every stalled connection reaches the node's workers before health asks
        // Within the limit plus the server timer's tick, health answers again, with all 100 sockets still open here.
        assertTrue(TestHttp.eventually(30_000, () -> {
            try {
                return TestHttp.get(node.uri(), "/api/v1/health").status() == 200;
            } catch (Exception e) {
                return false;
            }
        }), "health never answered under 100 stalled connections; log:\n" + node.log());
        assertEquals(201, TestHttp.post(node.uri(), "/api/v1/memories", TestHttp.memoryBody("abuse", "w1")).status());
    }
}
