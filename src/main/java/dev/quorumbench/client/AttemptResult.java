package dev.quorumbench.client;

import dev.quorumbench.run.Outcome;

/**
 * What one HTTP attempt of a write produced, before retries are considered.
 *
 * <p>Kept as plain data so that the mapping to a final {@link Outcome} is a pure function.
 */
public enum AttemptResult {
    /** 201 with a parseable body naming the memory. */
    CREATED,
    /** 503 whose body says {@code quorum_not_met}: the node kept the write locally but could not replicate it. */
    QUORUM_NOT_MET,
    /** 409: the id exists and the request asked for an error (should not happen with on_conflict=merge). */
    CONFLICT,
    /** Another 4xx: the request itself is wrong; retrying cannot help. */
    REJECTED,
    /** 5xx other than quorum_not_met, including 503 without that body. */
    SERVER_ERROR,
    /** A 2xx whose body is not the JSON we expect (a broken or hostile target). */
    GARBAGE,
    /** Connection refused, reset, or closed before a response. */
    TRANSPORT_ERROR,
    /** No response within the response timeout. */
    TIMEOUT;

    /** Whether another attempt (same write id) might succeed. */
    public boolean retryable() {
        return switch (this) {
            case QUORUM_NOT_MET, SERVER_ERROR, TRANSPORT_ERROR, TIMEOUT, GARBAGE -> true;
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
     * Classifies a received response (pure).
     *
     * @param status      HTTP status code
     * @param errorField  the body's {@code error} field, or null if absent or the body was not JSON
     * @param bodyIsValid for 2xx: whether the body parsed and named the memory's id
     */
    public static AttemptResult classify(int status, String errorField, boolean bodyIsValid) {
        if (status == 201 || status == 200) {
            return bodyIsValid ? CREATED : GARBAGE;
        }
        if (status == 503 && "quorum_not_met".equals(errorField)) {
            return QUORUM_NOT_MET;
        }
        if (status == 409) {
            return CONFLICT;
        }
        if (status >= 400 && status < 500) {
            return status == 408 || status == 429 ? SERVER_ERROR : REJECTED;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return GARBAGE;
    }
}
