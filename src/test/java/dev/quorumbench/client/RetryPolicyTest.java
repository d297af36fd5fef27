package dev.quorumbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(10_000, 10, 200);

    @ParameterizedTest(name = "attempt {0}, retry-after {1}, remaining {2} -> {3}")
    @CsvSource({
            "1, -1,   10000, 10",
            "2, -1,   10000, 20",
            "3, -1,   10000, 40",
            "5, -1,   10000, 160",
            "6, -1,   10000, 200",
            "60, -1,  10000, 200",
            "1, 1000, 10000, 200",   // Retry-After is capped: a 1 s hint must not stall a 100-write burst
            "1, 50,   10000, 50",
            "1, -1,   10,    -1",    // no attempt fits before the deadline
            "4, -1,   81,    80",
    })
    void pauses(int attempt, long retryAfter, long remaining, long expected) {
        assertEquals(expected, policy.pauseMs(attempt, retryAfter, remaining));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, 10, 200));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(100, 50, 10));
    }
}
