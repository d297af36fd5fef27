package dev.quorumbench.node;

/** How one push of a row to one peer ended. */
enum PushOutcome {
    /** The peer answered 2xx: it holds the row (or a newer version). */
    ACK,
    /** Connection refused or reset, or closed without an answer: the peer is not there. */
    UNREACHABLE,
    /** Connect or response timeout: the peer may be paused, partitioned or slow. */
    TIMEOUT,
    /** Any other failure: an error status, or no room in the peer's push queue. */
    FAILED
}
