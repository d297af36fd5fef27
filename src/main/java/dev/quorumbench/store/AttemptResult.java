package dev.quorumbench.store;

import dev.quorumbench.run.Outcome;

/**
 * What one attempt of a write produced, before retries are considered: the vocabulary every store protocol
 * classifies its answers into, and the one the retry loop and the records understand.
 *
 * <p>Three pure properties per value drive everything downstream: whether to retry, the write's {@link Outcome}
 * if this was its last attempt, and whether this attempt may have taken effect on the store (Jepsen's
 * {@code :fail} versus {@code :info}).
 */
public enum AttemptResult {
    /** The store acknowledged the write (ai-memory: 201 with a body naming the memory). */
    CREATED,
    /** The node kept the write locally but could not replicate it to a quorum (ai-memory: 503 quorum_not_met). */
    QUORUM_NOT_MET,
    /**
     * 409: the store refused the write because the id exists (should not happen with a retry-safe write). Write ids
     * are unique, so the item is on the store already: the write may have taken effect.
     */
    CONFLICT,
    /** Another 4xx: the store said no to this request; retrying cannot help. */
    REJECTED,
    /** 408 or 429: the store turned this attempt away before doing anything; a later one may succeed. */
    BUSY,
    /** A 5xx other than quorum-not-met: the store may have applied the write before failing. */
    SERVER_ERROR,
    /** A 2xx (or other status) whose body is not the answer the protocol expects: a broken or hostile store. */
    GARBAGE,
    /** The request never left: connection refused, connect timeout, unknown host, no pooled connection free. */
    NOT_SENT,
    /** Reset or closed after the request was (or may have been) sent, before a full response. */
    CONNECTION_LOST,
    /** No response within the response timeout, after the request was sent. */
    TIMEOUT;

    /** Whether another attempt (same write id) might succeed. */
    public boolean retryable() {
        return switch (this) {
            case QUORUM_NOT_MET, BUSY, SERVER_ERROR, GARBAGE, NOT_SENT, CONNECTION_LOST, TIMEOUT -> true;
            case CREATED, CONFLICT, REJECTED -> false;
        };
    }

    /** The write's final outcome if this was its last attempt. */
    public Outcome outcome() {
        return switch (this) {
            case CREATED -> Outcome.OK;
            case QUORUM_NOT_MET -> Outcome.QUORUM_NOT_MET;
            default -> Outcome.FAIL;
        };
    }

    /**
     * Whether this attempt may have changed the store: true unless the store answered a definite no or nothing
     * was sent. A failed write is a definite failure only when none of its attempts may have taken effect.
     */
    public boolean mayHaveTakenEffect() {
        return switch (this) {
            case CREATED, QUORUM_NOT_MET, CONFLICT, SERVER_ERROR, GARBAGE, CONNECTION_LOST, TIMEOUT -> true;
            case REJECTED, BUSY, NOT_SENT -> false;
        };
    }
}
