package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.net.LineServer;
import dev.quorumbench.net.LinkMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyLinksTest {

    private LineServer[] servers;
    private ProxyLinks links;

    @BeforeEach
    void startThreeUpstreams() throws IOException {
        servers = new LineServer[3];
        int[] ports = new int[3];
        for (int i = 0; i < 3; i++) {
            servers[i] = new LineServer("n" + i, 0);
            ports[i] = servers[i].port();
        }
        links = ProxyLinks.start("127.0.0.1", ports);
    }

    @AfterEach
    void stopAll() throws Exception {
        links.close();
        for (LineServer s : servers) {
            s.close();
        }
    }

    private static String ask(int port, String line, int timeoutMs) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(timeoutMs);
            s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    @Test
    void everyDirectedLinkHasItsOwnPortAndReachesItsTarget() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    ports.add(links.port(i, j));
                    assertEquals("n" + j + ":hi", ask(links.port(i, j), "hi", 2000));
                }
            }
        }
        assertEquals(6, ports.size());
        assertThrows(IllegalArgumentException.class, () -> links.port(1, 1));
        assertThrows(IllegalArgumentException.class, () -> links.blackhole(0, 3));
    }

    @Test
    void cuttingNodeZerosLinksLeavesTheOthersUp() throws IOException {
        for (int j = 1; j < 3; j++) {
            links.blackhole(0, j);
            links.blackhole(j, 0);
        }
        assertEquals(LinkMode.BLACKHOLE, links.status(0, 1).mode());
        assertThrows(SocketTimeoutException.class, () -> ask(links.port(0, 1), "cut", 300));
        assertThrows(SocketTimeoutException.class, () -> ask(links.port(2, 0), "cut", 300));
        assertEquals("n2:up", ask(links.port(1, 2), "up", 2000));
        assertEquals("n1:up", ask(links.port(2, 1), "up", 2000));
        links.healAll();
        assertEquals("n1:back", ask(links.port(0, 1), "back", 2000));
        assertEquals(LinkMode.FORWARD, links.status(2, 0).mode());
    }

    @Test
    void droppedResponsesAreSummedOverLinksUntilHeal() throws IOException {
        links.dropResponses(0, 1, 1.0, 1);
        links.dropResponses(0, 2, 1.0, 2);
        assertThrows(SocketTimeoutException.class, () -> ask(links.port(0, 1), "a", 200));
        assertThrows(SocketTimeoutException.class, () -> ask(links.port(0, 2), "b", 200));
        assertEquals("n0:c", ask(links.port(1, 0), "c", 2000));
        assertEquals(2, links.droppedResponses());
        links.heal(0, 1);
        assertEquals(1, links.droppedResponses());
        links.healAll();
        assertEquals(0, links.droppedResponses());
    }

    @Test
    void closeStopsEveryProxy() {
        links.close();
        links.close();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    assertTrue(links.proxy(i, j).isTerminated());
                }
            }
        }
    }
}
