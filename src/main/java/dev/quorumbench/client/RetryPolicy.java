package dev.quorumbench.client;

import dev.quorumbench.store.AttemptResult;

/**
 * When and how long to wait before retrying a write: exponential backoff inside a per-write deadline, except after
 * an attempt that never reached a store (connection refused: the node is down), which is retried on a short fixed
 * pause. Such an attempt costs the store nothing, and the write that waits for a restarted primary should find it
 * as soon as it listens, not up to a whole backoff step later.
 *
 * @param deadlineMs       total time a write may take, retries included
 * @param initialBackoffMs first pause
 * @param maxBackoffMs     pause cap (also caps a server's Retry-After, so a write never sleeps past useful time)
 * @param notSentPauseMs   pause after an attempt that was never sent ({@link AttemptResult#NOT_SENT}), at most the
 *                         exponential step it replaces
 */
public record RetryPolicy(long deadlineMs, long initialBackoffMs, long maxBackoffMs, long notSentPauseMs) {

    public RetryPolicy {
        if (deadlineMs <= 0 || initialBackoffMs <= 0 || maxBackoffMs < initialBackoffMs || notSentPauseMs <= 0) {
            throw new IllegalArgumentException("retry policy needs deadline > 0, 0 < initial backoff <= max backoff "
                    + "and a not-sent pause > 0");
        }
    }

    /** Exponential backoff only: a refused attempt waits like any other. */
    public RetryPolicy(long deadlineMs, long initialBackoffMs, long maxBackoffMs) {
        this(deadlineMs, initialBackoffMs, maxBackoffMs, maxBackoffMs);
    }

    /** The campaign's backoff, 10 ms doubling to 200 ms (20 ms after a refused connection), inside the deadline. */
    public static RetryPolicy campaign(long deadlineMs) {
        return new RetryPolicy(deadlineMs, 10, 200, 20);
    }

    /**
     * Pause before attempt {@code attempt + 1} (pure).
     *
     * @param attempt        attempts made so far (≥ 1)
     * @param last           how the last attempt ended
     * @param retryAfterMs   the server's Retry-After in ms, or -1
     * @param remainingMs    time left before the deadline
     * @return the pause in ms, or -1 when no further attempt fits before the deadline
     */
    public long pauseMs(int attempt, AttemptResult last, long retryAfterMs, long remainingMs) {
        long backoff = initialBackoffMs << Math.min(attempt - 1, 20);
        if (last == AttemptResult.NOT_SENT) {
            backoff = Math.min(backoff, notSentPauseMs);
        }
        long pause = Math.min(maxBackoffMs, Math.max(backoff, retryAfterMs));
        return pause < remainingMs ? pause : -1;
    }
}
