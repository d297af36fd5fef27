package dev.quorumbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorumbench.store.AttemptResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(10_000, 10, 200, 20);

    @ParameterizedTest(name = "attempt {0} {1}, retry-after {2}, remaining {3} -> {4}")
    @CsvSource({
            "1,  TIMEOUT,        -1,   10000, 10",
            "2,  TIMEOUT,        -1,   10000, 20",
            "3,  CONNECTION_LOST, -1,  10000, 40",
            "5,  SERVER_ERROR,   -1,   10000, 160",
            "6,  TIMEOUT,        -1,   10000, 200",
            "60, QUORUM_NOT_MET, -1,   10000, 200",
            "1,  QUORUM_NOT_MET, 1000, 10000, 200",   // Retry-After is capped: a 1 s hint must not stall a 100-write burst
            "1,  BUSY,           50,   10000, 50",
            "1,  TIMEOUT,        -1,   10,    -1",    // no attempt fits before the deadline
            "4,  TIMEOUT,        -1,   81,    80",
            // refused: the node is down; poll it on the short pause, never longer than the backoff step
            "1,  NOT_SENT,       -1,   10000, 10",
            "2,  NOT_SENT,       -1,   10000, 20",
            "6,  NOT_SENT,       -1,   10000, 20",
            "60, NOT_SENT,       -1,   10000, 20",
            "6,  NOT_SENT,       -1,   15,    -1",
    })
    void pauses(int attempt, AttemptResult last, long retryAfter, long remaining, long expected) {
        assertEquals(expected, policy.pauseMs(attempt, last, retryAfter, remaining));
    }

    @Test
    void withoutANotSentPauseARefusedAttemptBacksOffLikeAnyOther() {
        assertEquals(200, new RetryPolicy(10_000, 10, 200).pauseMs(6, AttemptResult.NOT_SENT, -1, 10_000));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, 10, 200));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(100, 50, 10));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(100, 10, 50, 0));
    }
}
