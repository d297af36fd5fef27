package dev.quorumbench.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A deadline on the monotonic clock: passed from its instant on, 0 ms left once passed, safe near overflow. */
class DeadlineTest {

    @Test
    void aDeadlineNowHasPassedWithNothingLeft() {
        Deadline d = Deadline.in(0);
        assertTrue(d.passed(), "passed at its own instant (>=, not >)");
        assertEquals(0, d.leftMs());
    }

    /** Catches leftMs() without its floor at 0 (it would say -1000 here). */
    @ParameterizedTest
    @ValueSource(longs = {1, 1_000, 3_600_000})
    void leftMsIsZeroOnceLongPassed(long agoMs) {
        Deadline d = Deadline.atNanos(System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(agoMs));
        assertTrue(d.passed());
        assertEquals(0, d.leftMs());
    }

    @Test
    void aFutureDeadlineHasNotPassedAndCountsDown() {
        Deadline d = Deadline.in(60_000);
        assertFalse(d.passed());
        long left = d.leftMs();
        assertTrue(left > 50_000 && left <= 60_000, "left " + left);
    }

    @Test
    void aShortDeadlinePassesAndThenLeavesZero() throws InterruptedException {
        Deadline d = Deadline.in(20);
        Thread.sleep(40);
        assertTrue(d.passed());
        assertEquals(0, d.leftMs());
    }

    @Test
    void atNanosIsTheInstantGiven() {
        long at = System.nanoTime() + 123_456_789L;
        assertEquals(at, Deadline.atNanos(at).atNanos());
    }

    /**
     * nanoTime values may be negative and deadlines far off wrap around; comparing by difference keeps both
     * right. Catches {@code passed()} written as {@code nanoTime() >= atNanos}.
     */
    @Test
    void aDeadlineBeyondTheLongRangeHasNotPassed() {
        Deadline far = Deadline.in(Long.MAX_VALUE);
        assertFalse(far.passed());
        assertTrue(far.leftMs() > TimeUnit.DAYS.toMillis(365 * 100L), "left " + far.leftMs());
    }

    /** Deadline.in accepts a negative duration as a deadline already passed (Await.until is what refuses them). */
    @Test
    void aNegativeDurationIsAlreadyPassed() {
        Deadline d = Deadline.in(-5);
        assertTrue(d.passed());
        assertEquals(0, d.leftMs());
    }
}
