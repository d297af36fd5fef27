package dev.quorumbench.client;

import dev.quorumbench.store.Attempt;
import dev.quorumbench.store.AttemptResult;
import dev.quorumbench.store.PreparedWrite;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.time.Await;
import java.util.concurrent.TimeUnit;

/**
 * Issues one write through a node, retrying the same prepared write (same id) inside the per-write deadline, and
 * reports the final outcome, whether it is definite, and the whole latency. Speaks to the store only through its
 * {@link StoreProtocol}.
 *
 * <p>The client times every write itself, from the write's intended start, so a slow or stalled target cannot
 * hide latency from the histograms (YCSB's wrapper idea).
 */
public final class WriteClient {

    private final StoreProtocol store;
    private final RetryPolicy policy;
    private final long attemptTimeoutMs;

    /** {@code attemptTimeoutMs} bounds one attempt; the policy's deadline bounds the write with its retries. */
    public WriteClient(StoreProtocol store, RetryPolicy policy, long attemptTimeoutMs) {
        this.store = store;
        this.policy = policy;
        this.attemptTimeoutMs = attemptTimeoutMs;
    }

    /**
     * Writes {@code write} through the node at {@code nodeUrl}, retrying within the deadline.
     *
     * @param intendedStartNanos {@link System#nanoTime()} at which the schedule meant this write to start
     */
    public WriteResult write(String nodeUrl, PreparedWrite write, long intendedStartNanos) {
        long deadline = intendedStartNanos + TimeUnit.MILLISECONDS.toNanos(policy.deadlineMs());
        int attempts = 0;
        boolean mayHaveTakenEffect = false;
        AttemptResult last;
        while (true) {
            attempts++;
            // An attempt never outlives the write's deadline: the deadline is the promise to the campaign.
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Attempt attempt = store.attempt(nodeUrl, write, Math.min(attemptTimeoutMs, Math.max(1, leftMs)));
            last = attempt.result();
            mayHaveTakenEffect |= last.mayHaveTakenEffect();
            if (!last.retryable()) {
                break;
            }
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            long pause = policy.pauseMs(attempts, last, attempt.retryAfterMs(), remainingMs);
            if (pause < 0 || !Await.sleep(pause)) {
                break;
            }
        }
        return new WriteResult(write.id(), last.outcome(), last, attempts, System.nanoTime() - intendedStartNanos,
                WriteResult.definite(last, mayHaveTakenEffect));
    }
}
