package dev.quorumbench.fault;

import dev.quorumbench.store.ClockOffset;
import dev.quorumbench.store.NodeHealth;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.time.Await;
import java.io.IOException;

/**
 * Measures a node's wall clock against the harness's through the store's health reading, and sets the
 * cooperative offset where the store offers it; short timeouts throughout.
 */
final class ClockProbe {

    private static final long REQUEST_TIMEOUT_MS = 1000;
    private static final long POLL_MS = 10;

    private final StoreProtocol store;

    ClockProbe(StoreProtocol store) {
        this.store = store;
    }

    /** The node's clock minus the harness's clock at the midpoint of the request, in milliseconds. */
    long skewMs(String nodeUrl) throws FaultException {
        long before = System.currentTimeMillis();
        NodeHealth health = store.health(nodeUrl, REQUEST_TIMEOUT_MS);
        long after = System.currentTimeMillis();
        if (!health.healthy()) {
            throw new FaultException(health.detail());
        }
        if (health.wallClockMs().isEmpty()) {
            throw new FaultException("the store does not report the wall clock of " + nodeUrl + " ("
                    + health.detail() + "): the skew cannot be measured");
        }
        return skew(health.wallClockMs().getAsLong(), before, after);
    }

    /** Node clock minus the midpoint of the harness's clock around the reading (pure). */
    static long skew(long nodeMs, long beforeMs, long afterMs) {
        return nodeMs - (beforeMs + afterMs) / 2;
    }

    /**
     * Polls the skew of {@code nodeUrl} until it is within {@code toleranceMs} of {@code expectedMs}; returns the
     * skew measured then, or throws with the last measurement when {@code timeoutMs} passes.
     */
    long awaitSkew(String nodeUrl, long expectedMs, long toleranceMs, long timeoutMs) throws FaultException {
        long[] skew = new long[1];
        String[] last = {"no answer"};
        boolean reached = Await.until(() -> {
            try {
                skew[0] = skewMs(nodeUrl);
                last[0] = "measured " + skew[0] + " ms";
                return Math.abs(skew[0] - expectedMs) <= toleranceMs;
            } catch (FaultException e) {
                last[0] = e.getMessage();
                return false;
            }
        }, timeoutMs, POLL_MS);
        if (reached) {
            return skew[0];
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new FaultException("interrupted while waiting for the clock of " + nodeUrl);
        }
        throw new FaultException("clock of " + nodeUrl + " did not reach a skew of " + expectedMs + " ms (±"
                + toleranceMs + ") within " + timeoutMs + " ms: " + last[0]);
    }

    /** Asks a node whose store offers the cooperative offset to offset its own clock. */
    void setOffset(String nodeUrl, long offsetMs) throws FaultException {
        ClockOffset offset = store.clockOffset().orElseThrow(() -> new FaultException(
                "the store protocol cannot offset a node's clock"));
        try {
            offset.set(nodeUrl, offsetMs, REQUEST_TIMEOUT_MS);
        } catch (IOException e) {
            throw new FaultException(e.getMessage() == null ? "cannot reach " + nodeUrl : e.getMessage(), e);
        }
    }
}
