package dev.quorumbench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Issues one write through a node's {@code POST /api/v1/memories}, retrying the same write id (with
 * {@code on_conflict: merge}) inside the per-write deadline, and reports the final outcome and whole latency.
 *
 * <p>The client times every write itself, from the write's intended start, so a slow or stalled target cannot
 * hide latency from the histograms (YCSB's wrapper idea).
 */
public final class WriteClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http;
    private final RetryPolicy policy;

    private final long responseTimeoutMs;

    /** {@code responseTimeoutMs} bounds one attempt; the policy's deadline bounds the write with its retries. */
    public WriteClient(HttpTransport http, RetryPolicy policy, long responseTimeoutMs) {
        this.http = http;
        this.policy = policy;
        this.responseTimeoutMs = responseTimeoutMs;
    }

    /** The JSON body of a write in ai-memory's format; the write id is the title and metadata.write_id. */
    public static String body(String namespace, String writeId, String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("tier", "mid");
        body.put("namespace", namespace);
        body.put("title", writeId);
        body.put("content", content);
        body.putArray("tags").add("quorumbench");
        body.put("priority", 5);
        body.put("confidence", 1.0);
        body.put("source", "quorumbench");
        body.putObject("metadata").put("write_id", writeId);
        body.put("on_conflict", "merge");
        return body.toString();
    }

    /**
     * Writes {@code body} to {@code baseUrl}, retrying within the deadline.
     *
     * @param intendedStartNanos {@link System#nanoTime()} at which the schedule meant this write to start
     */
    public WriteResult write(String baseUrl, String writeId, String body, long intendedStartNanos) {
        String url = baseUrl + "/api/v1/memories";
        long deadline = intendedStartNanos + TimeUnit.MILLISECONDS.toNanos(policy.deadlineMs());
        int attempts = 0;
        AttemptResult last;
        while (true) {
            attempts++;
            long retryAfterMs = -1;
            try {
                // An attempt never outlives the write's deadline: the deadline is the promise to the campaign.
                long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                HttpReply reply = http.postJson(url, body, Math.min(responseTimeoutMs, Math.max(1, leftMs)));
                String error = null;
                boolean valid = false;
                try {
                    JsonNode node = JSON.readTree(reply.body());
                    if (node != null && node.isObject()) {
                        error = node.path("error").isTextual() ? node.get("error").asText() : null;
                        valid = node.path("id").isTextual() && !node.get("id").asText().isEmpty();
                    }
                } catch (IOException garbage) {
                    // Not JSON: classify() turns a 2xx into GARBAGE and keeps other statuses as they are.
                }
                last = AttemptResult.classify(reply.status(), error, valid);
                retryAfterMs = reply.retryAfterMs();
            } catch (IOException e) {
                last = HttpTransport.isTimeout(e) ? AttemptResult.TIMEOUT : AttemptResult.TRANSPORT_ERROR;
            }
            if (!last.retryable()) {
                break;
            }
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            long pause = policy.pauseMs(attempts, retryAfterMs, remainingMs);
            if (pause < 0 || !sleep(pause)) {
                break;
            }
        }
        return new WriteResult(writeId, last.outcome(), last, attempts, System.nanoTime() - intendedStartNanos);
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
