package dev.quorumbench.store;

/**
 * A bounded HTTP response: status, the first bytes of the body, and the Retry-After header in ms (-1 if none).
 */
public record HttpReply(int status, String body, long retryAfterMs) {
}
