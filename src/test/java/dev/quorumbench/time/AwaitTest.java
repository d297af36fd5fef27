package dev.quorumbench.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one poll loop: a condition true at the deadline is still seen, the deadline is never cut short nor
 * overslept by a long poll, an interrupt ends the wait with one last check and keeps the flag, and negative
 * arguments are refused before the condition is asked. Waits are tens of milliseconds; time bounds are generous.
 */
@Timeout(10)
class AwaitTest {

    /** Far more than any wait here should take, far less than the poll intervals that would betray a bug. */
    private static final long GENEROUS_MS = 5_000;

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted(); // a failed assertion must not leave the flag to the next test
    }

    @Test
    void aConditionTrueAtOnceIsCheckedOnceEvenWithNoTime() {
        AtomicInteger checks = new AtomicInteger();
        assertTrue(Await.until(() -> checks.incrementAndGet() > 0, 0, 0));
        assertEquals(1, checks.get());
    }

    @Test
    void aConditionNeverTrueWithNoTimeIsCheckedOnce() {
        AtomicInteger checks = new AtomicInteger();
        assertFalse(Await.until(() -> checks.incrementAndGet() < 0, 0, 1_000));
        assertEquals(1, checks.get());
    }

    /** Catches a loop that asks "passed?" before its last check, or sleeps a whole poll past the deadline. */
    @Test
    void aConditionThatBecomesTrueExactlyAtTheDeadlineIsSeen() {
        long timeoutMs = 50;
        AtomicInteger checks = new AtomicInteger();
        long[] trueFrom = new long[1];
        BooleanSupplier trueAtTheDeadline = () -> {
            checks.incrementAndGet();
            return System.nanoTime() - trueFrom[0] >= 0;
        };
        Await.until(() -> true, 0, 0); // classes loaded and lambdas linked before the clock starts
        long t0 = System.nanoTime();
        // Microseconds before until's own deadline: true from the deadline on, false at any check before it.
        trueFrom[0] = t0 + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        boolean met = Await.until(trueAtTheDeadline, timeoutMs, 60_000);
        long tookMs = elapsedMs(t0);
        assertTrue(met, "the check after the deadline's sleep must count (" + checks + " checks)");
        assertTrue(checks.get() >= 2, "checked at once and again at the deadline: " + checks);
        assertTrue(tookMs < GENEROUS_MS, "the sleep is cut to the deadline, not the 60 s poll: " + tookMs + " ms");
    }

    /** Catches a wait that gives up before its deadline, or one that sleeps the whole poll interval past it. */
    @Test
    void aFalseConditionWaitsTheWholeTimeoutAndNoPollLonger() {
        long t0 = System.nanoTime();
        assertFalse(Await.until(() -> false, 40, 60_000));
        long tookMs = elapsedMs(t0);
        assertTrue(tookMs >= 40, "returned before the deadline: " + tookMs + " ms");
        assertTrue(tookMs < GENEROUS_MS, "slept the poll interval past the deadline: " + tookMs + " ms");
    }

    @Test
    void pollsBetweenChecksUntilTheConditionHolds() {
        AtomicInteger checks = new AtomicInteger();
        assertTrue(Await.until(() -> checks.incrementAndGet() == 4, GENEROUS_MS, 1));
        assertEquals(4, checks.get(), "stops at the first true check");
    }

    /** Catches an interrupt that is swallowed (flag cleared) or that makes the wait go on to its deadline. */
    @Test
    void anInterruptBeforeTheWaitEndsItAfterOneLastCheckAndKeepsTheFlag() {
        AtomicInteger checks = new AtomicInteger();
        Thread.currentThread().interrupt();
        long t0 = System.nanoTime();
        boolean met = Await.until(() -> checks.incrementAndGet() < 0, 60_000, 60_000);
        long tookMs = elapsedMs(t0);
        assertTrue(Thread.interrupted(), "the interrupt flag is kept");
        assertFalse(met);
        assertEquals(2, checks.get(), "the first check and one last check after the interrupt");
        assertTrue(tookMs < GENEROUS_MS, "the interrupt ended the wait: " + tookMs + " ms");
    }

    /** Catches a wait that returns false on interrupt without asking the condition once more. */
    @Test
    void theLastCheckAfterAnInterruptCanStillSucceed() {
        AtomicInteger checks = new AtomicInteger();
        Thread.currentThread().interrupt();
        assertTrue(Await.until(() -> checks.incrementAndGet() == 2, 60_000, 60_000));
        assertTrue(Thread.interrupted(), "the interrupt flag is kept");
    }

    @Test
    void anInterruptFromAnotherThreadEndsAWaitInProgress() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean result = new AtomicBoolean(true);
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicInteger checks = new AtomicInteger();
        BooleanSupplier condition = () -> {
            checks.incrementAndGet();
            waiting.countDown();
            return false;
        };
        Thread waiter = new Thread(() -> {
            result.set(Await.until(condition, 60_000, 60_000));
            flagKept.set(Thread.currentThread().isInterrupted());
        }, "await-test-waiter");
        waiter.setDaemon(true);
        waiter.start();
        assertTrue(waiting.await(GENEROUS_MS, TimeUnit.MILLISECONDS));
        waiter.interrupt();
        waiter.join(GENEROUS_MS);
        assertFalse(waiter.isAlive(), "the interrupt ended the 60 s wait");
        assertFalse(result.get());
        assertTrue(flagKept.get(), "the interrupt flag is kept");
        assertEquals(2, checks.get(), "the first check and one last check after the interrupt");
    }

    /** Catches a missing or partial argument check (a negative timeout would otherwise mean "already passed"). */
    @ParameterizedTest(name = "timeout {0}, poll {1}")
    @CsvSource({"-1, 10", "10, -1", "-1, -1", "-9223372036854775808, 0"})
    void negativeArgumentsAreRejectedBeforeTheConditionIsAsked(long timeoutMs, long pollMs) {
        AtomicInteger checks = new AtomicInteger();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Await.until(() -> checks.incrementAndGet() > 0, timeoutMs, pollMs));
        assertEquals("timeoutMs and pollMs must be >= 0, were " + timeoutMs + ", " + pollMs, e.getMessage());
        assertEquals(0, checks.get());
    }

    /** A timeout too large for nanoseconds must not wrap into a deadline that has already passed. */
    @Test
    void aHugeTimeoutDoesNotOverflowIntoNoWait() {
        AtomicInteger checks = new AtomicInteger();
        assertTrue(Await.until(() -> checks.incrementAndGet() == 3, Long.MAX_VALUE, 1));
        assertEquals(3, checks.get());
    }

    @Test
    void sleepSleepsAndReportsAnInterruptKeepingTheFlag() {
        long t0 = System.nanoTime();
        assertTrue(Await.sleep(20));
        assertTrue(elapsedMs(t0) >= 20);
        assertFalse(Thread.currentThread().isInterrupted());

        Thread.currentThread().interrupt();
        t0 = System.nanoTime();
        assertFalse(Await.sleep(60_000));
        assertTrue(Thread.interrupted(), "the interrupt flag is kept");
        assertTrue(elapsedMs(t0) < GENEROUS_MS);
    }

    private static long elapsedMs(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
}
