package dev.quorumbench.client;

/**
 * When and how long to wait before retrying a write: exponential backoff inside a per-write deadline.
 *
 * @param deadlineMs       total time a write may take, retries included
 * @param initialBackoffMs first pause
 * @param maxBackoffMs     pause cap (also caps a server's Retry-After, so a write never sleeps past useful time)
 */
public record RetryPolicy(long deadlineMs, long initialBackoffMs, long maxBackoffMs) {

    public RetryPolicy {
        if (deadlineMs <= 0 || initialBackoffMs <= 0 || maxBackoffMs < initialBackoffMs) {
            throw new IllegalArgumentException("retry policy needs deadline > 0 and 0 < initial backoff <= max backoff");
        }
    }

    /** The campaign's backoff, 10 ms doubling to 200 ms, inside the given per-write deadline. */
    public static RetryPolicy campaign(long deadlineMs) {
        return new RetryPolicy(deadlineMs, 10, 200);
    }

    /**
     * Pause before attempt {@code attempt + 1} (pure).
     *
     * @param attempt        attempts made so far (≥ 1)
     * @param retryAfterMs   the server's Retry-After in ms, or -1
     * @param remainingMs    time left before the deadline
     * @return the pause in ms, or -1 when no further attempt fits before the deadline
     */
    public long pauseMs(int attempt, long retryAfterMs, long remainingMs) {
        long backoff = initialBackoffMs << Math.min(attempt - 1, 20);
        long pause = Math.min(maxBackoffMs, Math.max(backoff, retryAfterMs));
        return pause < remainingMs ? pause : -1;
    }
}
