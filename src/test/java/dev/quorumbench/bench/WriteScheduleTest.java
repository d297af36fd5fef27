package dev.quorumbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WriteScheduleTest {

    @ParameterizedTest(name = "rate {0}, write {1}, now {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "null, 1, 5000,  5000",        // closed loop: starts when the previous write ended
            "null, 7, 99999, 99999",
            "100,  1, 5000,  1000",        // open loop: write n is due at start + (n-1)/rate
            "100,  2, 5000,  10001000",
            "100,  11, 0,    100001000",
            "1000, 3, 0,     2001000",
    })
    void intendedStart(Double rate, int n, long now, long expected) {
        assertEquals(expected, new WriteSchedule(rate).intendedStartNanos(1000, n, now));
    }
}
