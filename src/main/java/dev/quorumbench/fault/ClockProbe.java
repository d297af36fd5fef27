package dev.quorumbench.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a node's wall clock from {@code GET /api/v1/health} ({@code time_ms}) and compares it with the harness's
 * clock, and sets the cooperative offset ({@code POST /api/v1/admin/clock-offset}); short timeouts throughout.
 */
final class ClockProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1000);
    private static final long POLL_MS = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

    private ClockProbe() {
    }

    /** The node's clock minus the harness's clock at the midpoint of the request, in milliseconds. */
    static long skewMs(String nodeUrl) throws FaultException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(nodeUrl + "/api/v1/health"))
                .timeout(REQUEST_TIMEOUT).GET().build();
        long before = System.currentTimeMillis();
        HttpResponse<String> resp = send(req, nodeUrl);
        long after = System.currentTimeMillis();
        if (resp.statusCode() != 200) {
            throw new FaultException("health of " + nodeUrl + " answered " + resp.statusCode());
        }
        return nodeTimeMs(resp.body(), nodeUrl) - (before + after) / 2;
    }

    /**
     * Polls the skew of {@code nodeUrl} until it is within {@code toleranceMs} of {@code expectedMs}; returns the
     * skew measured then, or throws with the last measurement when {@code timeoutMs} passes.
     */
    static long awaitSkew(String nodeUrl, long expectedMs, long toleranceMs, long timeoutMs) throws FaultException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        String last = "no answer";
        while (true) {
            try {
                long skew = skewMs(nodeUrl);
                if (Math.abs(skew - expectedMs) <= toleranceMs) {
                    return skew;
                }
                last = "measured " + skew + " ms";
            } catch (FaultException e) {
                last = e.getMessage();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new FaultException("clock of " + nodeUrl + " did not reach a skew of " + expectedMs + " ms (±"
                        + toleranceMs + ") within " + timeoutMs + " ms: " + last);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FaultException("interrupted while waiting for the clock of " + nodeUrl, e);
            }
        }
    }

    /** Asks a node started with {@code --allow-clock-offset} to offset its own clock. */
    static void setOffset(String nodeUrl, long offsetMs) throws FaultException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(nodeUrl + "/api/v1/admin/clock-offset"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"offset_ms\":" + offsetMs + "}")).build();
        HttpResponse<String> resp = send(req, nodeUrl);
        if (resp.statusCode() / 100 != 2) {
            throw new FaultException("clock-offset on " + nodeUrl + " answered " + resp.statusCode()
                    + " (was the node started with --allow-clock-offset?)");
        }
    }

    /** The {@code time_ms} field of a health body (pure). */
    static long nodeTimeMs(String healthBody, String nodeUrl) throws FaultException {
        try {
            JsonNode t = JSON.readTree(healthBody).path("time_ms");
            if (!t.canConvertToLong() || !t.isIntegralNumber()) {
                throw new FaultException("health of " + nodeUrl + " has no integer time_ms");
            }
            return t.longValue();
        } catch (IOException e) {
            throw new FaultException("health of " + nodeUrl + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest req, String nodeUrl) throws FaultException {
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FaultException("cannot reach " + nodeUrl + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaultException("interrupted while asking " + nodeUrl, e);
        }
    }
}
