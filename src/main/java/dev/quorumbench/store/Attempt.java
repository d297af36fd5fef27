package dev.quorumbench.store;

/**
 * One classified attempt of a write.
 *
 * @param result       what the attempt produced
 * @param retryAfterMs the store's requested pause before the next attempt in ms, or -1
 */
public record Attempt(AttemptResult result, long retryAfterMs) {

    public static Attempt of(AttemptResult result) {
        return new Attempt(result, -1);
    }
}
