package dev.quorumbench.node;

/** The answer to one client write, before it becomes an HTTP response. */
sealed interface WriteResult {

    /** 201: stored locally and acked by {@code acks} nodes counting this one. */
    record Created(String id, String namespace, String title, int acks, int needed) implements WriteResult {
    }

    /** 409: the key exists and the client asked for {@code on_conflict=error}. */
    record Conflict(String existingId) implements WriteResult {
    }

    /** 503: stored locally but fewer than W nodes acked in time; {@code got} counts the local commit. */
    record QuorumNotMet(int got, int needed, String reason) implements WriteResult {
    }
}
