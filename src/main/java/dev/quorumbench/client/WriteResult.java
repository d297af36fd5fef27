package dev.quorumbench.client;

import dev.quorumbench.run.Outcome;

/**
 * The final result of one write after its retries.
 *
 * @param writeId   the write's unique id (its title on the node)
 * @param outcome   ok, quorum_not_met or fail
 * @param last      the last attempt's classification (why it failed, when it did)
 * @param attempts  how many HTTP attempts were made
 * @param latencyNanos whole-write latency including retries, from the intended start
 */
public record WriteResult(String writeId, Outcome outcome, AttemptResult last, int attempts, long latencyNanos) {
}
