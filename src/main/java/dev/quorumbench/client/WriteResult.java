package dev.quorumbench.client;

import dev.quorumbench.run.Outcome;
import dev.quorumbench.store.AttemptResult;

/**
 * The final result of one write after its retries.
 *
 * @param writeId      the write's unique id
 * @param outcome      ok, quorum_not_met or fail
 * @param last         the last attempt's classification (why it failed, when it did)
 * @param attempts     how many attempts were made
 * @param latencyNanos whole-write latency including retries, from the intended start
 * @param definite     the outcome is known (Jepsen's :ok or :fail), not indeterminate (:info): always true for ok,
 *                     false for quorum_not_met, and for fail true only when no attempt may have taken effect
 * @param inFlight     some attempt got no definite answer (it may have taken effect but did not say created): the
 *                     write was in flight at a fault, even when a retry later got ok
 */
public record WriteResult(String writeId, Outcome outcome, AttemptResult last, int attempts, long latencyNanos,
                          boolean definite, boolean inFlight) {

    /** An attempt whose result leaves the client not knowing whether it took effect. */
    public static boolean uncertain(AttemptResult attempt) {
        return attempt.mayHaveTakenEffect() && attempt != AttemptResult.CREATED;
    }

    /**
     * Whether a write whose last attempt was {@code last} has a definite outcome (pure), given whether any of its
     * attempts may have taken effect: an earlier timeout or quorum_not_met makes a final refusal indeterminate.
     */
    public static boolean definite(AttemptResult last, boolean anyAttemptMayHaveTakenEffect) {
        return switch (last.outcome()) {
            case OK -> true;
            case QUORUM_NOT_MET -> false;
            case FAIL -> !anyAttemptMayHaveTakenEffect;
        };
    }

    /** Failed, and no attempt can have changed the store: the store said no, or nothing was sent. */
    public boolean definiteFailure() {
        return outcome == Outcome.FAIL && definite;
    }

    /** Failed, but some attempt may have taken effect: the write may exist and spread later. */
    public boolean indeterminateFailure() {
        return outcome == Outcome.FAIL && !definite;
    }
}
