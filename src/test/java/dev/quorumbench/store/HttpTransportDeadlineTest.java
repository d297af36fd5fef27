package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deadline given to {@link HttpTransport#send} bounds the whole exchange: a body trickled one byte every
 * 200 ms never leaves the response timeout idle, so only the hard cancel can end it (before it: 200 s).
 */
class HttpTransportDeadlineTest {

    @Test
    void aTrickledBodyIsCutAtTheDeadlineAndCountsAsATimeout() throws Exception {
        try (HostileServer server = new HostileServer(HostileServer.Mode.TRICKLE, 200);
                HttpTransport http = new HttpTransport(1_000, 1_000)) {
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class,
                    () -> http.send(server.baseUrl(), StoreRequest.get("/x", StoreRequest.CLOSE), 1_500));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(e instanceof SocketTimeoutException, e.toString());
            assertEquals(AttemptResult.TIMEOUT, HttpTransport.failure(e));
            // A bound, not a performance figure: without the cancel this takes 1,000 × 200 ms.
            assertTrue(tookMs < 20_000, "took " + tookMs + " ms");
        }
    }

    @Test
    void aHangingServerIsATimeoutAtTheDeadline() throws Exception {
        try (HostileServer server = new HostileServer(HostileServer.Mode.HANG, 0);
                HttpTransport http = new HttpTransport(1_000, 60_000)) {
            IOException e = assertThrows(IOException.class,
                    () -> http.send(server.baseUrl(), StoreRequest.get("/x", StoreRequest.CLOSE), 500));
            assertEquals(AttemptResult.TIMEOUT, HttpTransport.failure(e));
        }
    }
}
