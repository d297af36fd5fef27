package dev.quorumbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.time.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinkProxyTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private static int proxies;

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private LinkServerPair pair(long replyDelayMs) throws IOException {
        LineServer server = new LineServer("up", replyDelayMs);
        toClose.add(server);
        LinkProxy proxy = LinkProxy.start("t" + (++proxies), InetAddress.getLoopbackAddress(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        toClose.add(proxy);
        return new LinkServerPair(server, proxy);
    }

    private record LinkServerPair(LineServer server, LinkProxy proxy) {
    }

    /** A client connection through the proxy with a short read timeout. */
    private Client client(LinkProxy proxy, int readTimeoutMs) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        s.setSoTimeout(readTimeoutMs);
        Client c = new Client(s, new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)));
        toClose.add(s);
        return c;
    }

    private record Client(Socket socket, BufferedReader in) {
        void send(String line) throws IOException {
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier cond, long ms) {
        assertTrue(Await.until(cond, ms, 10), "condition not met within " + ms + " ms");
    }

    @Test
    void forwardsRequestsAndResponses() throws Exception {
        LinkServerPair p = pair(0);
        Client c = client(p.proxy(), 2000);
        for (int i = 0; i < 3; i++) {
            c.send("hello" + i);
            assertEquals("up:hello" + i, c.in().readLine());
        }
        // the count moves just after the write the client already read from
        awaitTrue(() -> p.proxy().status().bytesForwarded() == 3 * ("helloN\n".length() + "up:helloN\n".length()), 2000);
        LinkStatus st = p.proxy().status();
        assertEquals(LinkMode.FORWARD, st.mode());
        assertEquals(1, st.liveConnections());
    }

    @Test
    void anObserverSeesEachChunkAfterItPassedBothWaysUntilItLetsGo() throws Exception {
        LinkServerPair p = pair(0);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        LinkObserver o = (connection, request, buf, length, nanos) ->
                seen.add(connection + (request ? ">" : "<") + new String(buf, 0, length, StandardCharsets.UTF_8));
        Client c = client(p.proxy(), 2000);
        p.proxy().observe(o);
        c.send("ping");
        assertEquals("up:ping", c.in().readLine());
        // the answer is seen just after it was written on, which may be just after the client read it, and never
        // before the request it answers
        awaitTrue(() -> seen.size() == 2, 2000);
        assertEquals(List.of("1>ping\n", "1<up:ping\n"), seen);
        p.proxy().unobserve(o);
        c.send("after");
        assertEquals("up:after", c.in().readLine());
        c.send("later");
        assertEquals("up:later", c.in().readLine());
        // "after" may have been written before unobserve and told; "later" never is
        assertTrue(seen.stream().noneMatch(x -> x.contains("later")), seen.toString());
    }

    @Test
    void aThrowingObserverNeverCostsTheLinkItsConnection() throws Exception {
        LinkServerPair p = pair(0);
        p.proxy().observe((connection, request, buf, length, nanos) -> {
            throw new IllegalStateException("broken observer");
        });
        Client c = client(p.proxy(), 2000);
        for (int i = 0; i < 2; i++) {
            c.send("x" + i);
            assertEquals("up:x" + i, c.in().readLine());
        }
    }

    @Test
    void blackholeHoldsRequestsWithoutResetAndReleasesThemOnHeal() throws Exception {
        LinkServerPair p = pair(0);
        Client c = client(p.proxy(), 300);
        c.send("before");
        assertEquals("up:before", c.in().readLine());
        long forwarded = p.proxy().status().bytesForwarded();

        p.proxy().blackhole();
        c.send("held");
        // a stall, not a reset: the read times out and the connection stays usable
        assertThrows(SocketTimeoutException.class, () -> c.in().readLine());
        assertEquals(List.of("before"), p.server().received);
        assertEquals(forwarded, p.proxy().status().bytesForwarded());
        assertEquals(LinkMode.BLACKHOLE, p.proxy().status().mode());

        p.proxy().heal();
        c.socket().setSoTimeout(2000);
        assertEquals("up:held", c.in().readLine());
        assertEquals(List.of("before", "held"), p.server().received);
    }

    @Test
    void blackholeHoldsAResponseAlreadyOnItsWay() throws Exception {
        LinkServerPair p = pair(300);
        Client c = client(p.proxy(), 700);
        c.send("slow");
        awaitTrue(() -> p.server().received.contains("slow"), 2000);
        p.proxy().blackhole(); // the server answers 300 ms after receiving: the answer meets the black-hole
        assertThrows(SocketTimeoutException.class, () -> c.in().readLine());
        p.proxy().heal();
        c.socket().setSoTimeout(2000);
        assertEquals("up:slow", c.in().readLine());
    }

    @Test
    void newConnectionsDuringBlackholeAreAcceptedButNotServed() throws Exception {
        LinkServerPair p = pair(0);
        p.proxy().blackhole();
        Client c = client(p.proxy(), 300); // the kernel completes the handshake
        c.send("waiting");
        assertThrows(SocketTimeoutException.class, () -> c.in().readLine());
        assertEquals(0, p.server().accepted.get(), "the upstream must not see a connection during the black-hole");
        p.proxy().heal();
        c.socket().setSoTimeout(2000);
        assertEquals("up:waiting", c.in().readLine());
        assertEquals(1, p.server().accepted.get());
    }

    @Test
    void dropResponsesDeliversEveryRequestAndSwallowsAboutTheShare() throws Exception {
        LinkServerPair p = pair(0);
        p.proxy().dropResponses(0.3, 42);
        int requests = 60;
        int timedOut = 0;
        for (int i = 0; i < requests; i++) {
            Client c = client(p.proxy(), 150);
            c.send("r" + i);
            try {
                assertEquals("up:r" + i, c.in().readLine());
            } catch (SocketTimeoutException e) {
                timedOut++;
            }
            c.socket().close();
        }
        awaitTrue(() -> p.server().received.size() == requests, 2000);
        assertEquals(timedOut, p.proxy().status().droppedResponses());
        assertTrue(timedOut >= 8 && timedOut <= 30, "dropped " + timedOut + " of " + requests + " at share 0.3");

        p.proxy().heal();
        assertEquals(0, p.proxy().status().droppedResponses());
        Client after = client(p.proxy(), 2000);
        after.send("healed");
        assertEquals("up:healed", after.in().readLine());
    }

    @Test
    void aDroppedResponseSilencesTheRestOfItsConnection() throws Exception {
        LinkServerPair p = pair(0);
        Client c = client(p.proxy(), 200);
        c.send("a");
        assertEquals("up:a", c.in().readLine());
        p.proxy().dropResponses(1.0, 1);
        c.send("b");
        assertThrows(SocketTimeoutException.class, () -> c.in().readLine());
        p.proxy().heal();
        c.send("c"); // a response stream with a hole in it must not be resumed mid-way
        assertThrows(SocketTimeoutException.class, () -> c.in().readLine());
        assertEquals(List.of("a", "b", "c"), p.server().received);
    }

    @Test
    void shareZeroDropsNothing() throws Exception {
        LinkServerPair p = pair(0);
        p.proxy().dropResponses(0.0, 7);
        for (int i = 0; i < 10; i++) {
            Client c = client(p.proxy(), 2000);
            c.send("z" + i);
            assertEquals("up:z" + i, c.in().readLine());
        }
        assertEquals(0, p.proxy().status().droppedResponses());
        assertThrows(IllegalArgumentException.class, () -> p.proxy().dropResponses(1.5, 1));
    }

    @Test
    void stopClosesEverySocketAndThread() throws Exception {
        LinkServerPair p = pair(0);
        LinkProxy proxy = p.proxy();
        int port = proxy.port();
        Client live = client(proxy, 2000);
        live.send("x");
        assertEquals("up:x", live.in().readLine());
        Client held = client(proxy, 2000);
        proxy.blackhole();
        Client waiting = client(proxy, 2000);
        held.send("y");

        proxy.stop();
        proxy.stop(); // idempotent
        assertTrue(proxy.isTerminated());
        assertEquals(0, proxy.status().liveConnections());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("link-" + proxy.name() + "-")),
                "no proxy thread may survive stop()");
        for (Client c : List.of(live, held, waiting)) {
            // closed by the proxy: end of stream or reset, never a hang
            try {
                assertEquals(null, c.in().readLine());
            } catch (java.net.SocketException reset) {
                // a reset is also a closed connection
            }
        }
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @Test
    void upstreamDownClosesTheConnection() throws Exception {
        LinkServerPair p = pair(0);
        p.server().close();
        Client c = client(p.proxy(), 2000);
        c.send("nobody");
        try {
            assertEquals(null, c.in().readLine());
        } catch (java.net.SocketException reset) {
            // either way the sender learns at once that the peer is gone
        }
    }
}
