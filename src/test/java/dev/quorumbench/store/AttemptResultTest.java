package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.run.Outcome;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure classification of attempts, sealed by tables of literal rows. */
class AttemptResultTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "201 | {\"id\":\"m1\",\"quorum_acks\":2}                                   | CREATED",
            "201 | {\"id\":\"\"}                                                         | GARBAGE",
            "201 | not json                                                                | GARBAGE",
            "201 | [\"id\"]                                                                | GARBAGE",
            "503 | {\"error\":\"quorum_not_met\",\"got\":1,\"needed\":2}                | QUORUM_NOT_MET",
            "503 | quorum_not_met                                                          | SERVER_ERROR",
            "409 | {\"error\":\"conflict\"}                                              | CONFLICT",
            "400 | {\"error\":\"invalid\"}                                               | REJECTED",
    })
    void aiMemoryReadsTheBody(int status, String body, AttemptResult expected) {
        assertEquals(expected, AiMemoryDescription.get().outcomes().classify(status, body.strip()));
    }

    /** Per result: retry?, final outcome, may the attempt have changed the store (Jepsen :info) or not (:fail). */
    @ParameterizedTest(name = "{0}: retry={1} outcome={2} mayHaveTakenEffect={3}")
    @CsvSource({
            "CREATED,         false, OK,             true",
            "QUORUM_NOT_MET,  true,  QUORUM_NOT_MET, true",
            "CONFLICT,        false, FAIL,           true",
            "REJECTED,        false, FAIL,           false",
            "BUSY,            true,  FAIL,           false",
            "SERVER_ERROR,    true,  FAIL,           true",
            "GARBAGE,         true,  FAIL,           true",
            "NOT_SENT,        true,  FAIL,           false",
            "CONNECTION_LOST, true,  FAIL,           true",
            "TIMEOUT,         true,  FAIL,           true",
    })
    void everyResultSaysRetryOutcomeAndEffect(AttemptResult r, boolean retry, Outcome outcome, boolean effect) {
        assertEquals(retry, r.retryable());
        assertEquals(outcome, r.outcome());
        assertEquals(effect, r.mayHaveTakenEffect());
    }

    private static final Map<String, Supplier<IOException>> FAILURES = Map.ofEntries(
            Map.entry("refused", () -> new HttpHostConnectException("Connection refused")),
            Map.entry("connect-plain", () -> new ConnectException("Connection refused")),
            Map.entry("connect-timeout", () -> new ConnectTimeoutException("Connect timed out")),
            Map.entry("unknown-host", () -> new UnknownHostException("nowhere")),
            Map.entry("no-route", () -> new NoRouteToHostException("no route")),
            Map.entry("pool-exhausted", () -> new ConnectionRequestTimeoutException("lease timed out")),
            Map.entry("malformed-url", () -> new MalformedURLException("bad")),
            Map.entry("read-timeout", () -> new SocketTimeoutException("Read timed out")),
            Map.entry("reset", () -> new SocketException("Connection reset")),
            Map.entry("no-response", () -> new NoHttpResponseException("failed to respond")),
            Map.entry("closed-early", () -> new ConnectionClosedException("Premature end")),
            Map.entry("interrupted", () -> new InterruptedIOException("interrupted")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "refused,         NOT_SENT",
            "connect-plain,   NOT_SENT",
            "connect-timeout, NOT_SENT",
            "unknown-host,    NOT_SENT",
            "no-route,        NOT_SENT",
            "pool-exhausted,  NOT_SENT",
            "malformed-url,   NOT_SENT",
            "read-timeout,    TIMEOUT",
            "reset,           CONNECTION_LOST",
            "no-response,     CONNECTION_LOST",
            "closed-early,    CONNECTION_LOST",
            "interrupted,     CONNECTION_LOST",
    })
    void transportFailuresSayWhetherAnythingWasSent(String failure, AttemptResult expected) {
        assertEquals(expected, HttpTransport.failure(FAILURES.get(failure).get()));
    }

    @ParameterizedTest(name = "{0} -> healthy={1} clock={2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "{\"status\":\"ok\",\"time_ms\":1795000000123} | true | 1795000000123",
            "{\"status\":\"ok\"}                              | true | null",
            "{\"status\":\"ok\",\"time_ms\":\"soon\"}       | true | null",
            "{\"status\":\"ok\",\"time_ms\":1.5}              | true | null",
            "not json                                           | true | null",
    })
    void aiMemoryHealthReadsTheWallClockWhenThere(String body, boolean healthy, Long clockMs) {
        NodeHealth h = HttpStoreProtocol.health(AiMemoryDescription.get().health(), body.strip());
        assertEquals(healthy, h.healthy());
        assertEquals(clockMs == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(clockMs),
                h.wallClockMs());
    }
}
