package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.time.Await;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The hard-cancel watchdog: a passed deadline is cancelled, a finished exchange never is, an earlier deadline wakes
 * the sleeping thread, and exchanges whose deadlines lie beyond its next look do not wake it at all (the point of it:
 * the ScheduledThreadPoolExecutor it replaced woke its thread once per write).
 */
class DeadlineWatchdogTest {

    private static long inMs(long ms) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    }

    @Test
    void aPassedDeadlineRunsItsCancelOnce() {
        try (DeadlineWatchdog w = new DeadlineWatchdog("test-deadline", 60_000)) {
            AtomicInteger cancels = new AtomicInteger();
            w.register(inMs(50), cancels::incrementAndGet);
            assertTrue(Await.until(() -> cancels.get() == 1, 10_000, 10), "not cancelled within 10 s");
            Await.sleep(200);
            assertEquals(1, cancels.get());
        }
    }

    @Test
    void anExchangeThatLeftIsNeverCancelled() {
        try (DeadlineWatchdog w = new DeadlineWatchdog("test-deadline", 60_000)) {
            AtomicInteger cancels = new AtomicInteger();
            w.leave(w.register(inMs(100), cancels::incrementAndGet));
            // A control beside it proves the thread did look after the left entry's deadline.
            AtomicInteger control = new AtomicInteger();
            w.register(inMs(300), control::incrementAndGet);
            assertTrue(Await.until(() -> control.get() == 1, 10_000, 10), "control not cancelled within 10 s");
            assertEquals(0, cancels.get());
        }
    }

    @Test
    void anEarlierDeadlineWakesAThreadSleepingTowardsALaterOne() {
        try (DeadlineWatchdog w = new DeadlineWatchdog("test-deadline", 600_000)) {
            AtomicInteger late = new AtomicInteger();
            AtomicInteger early = new AtomicInteger();
            w.register(inMs(300_000), late::incrementAndGet);
            Await.until(() -> w.looks() >= 2, 5_000, 5); // it has seen the late one and sleeps towards it
            w.register(inMs(50), early::incrementAndGet);
            // Without the wake this would wait for the 300 s deadline.
            assertTrue(Await.until(() -> early.get() == 1, 10_000, 10), "the early deadline was not cancelled in 10 s");
            assertEquals(0, late.get());
        }
    }

    @Test
    void sequentialExchangesWithLaterDeadlinesDoNotWakeTheThread() {
        try (DeadlineWatchdog w = new DeadlineWatchdog("test-deadline", 60_000)) {
            assertTrue(Await.until(() -> w.looks() >= 1, 5_000, 5), "the thread never looked");
            long before = w.looks();
            AtomicInteger cancels = new AtomicInteger();
            for (int i = 0; i < 1_000; i++) {
                // As a campaign's writes: each registers a deadline beyond the thread's next look, and leaves.
                w.leave(w.register(inMs(120_000), cancels::incrementAndGet));
            }
            Await.sleep(100);
            // One look more at most (a spurious wake-up); a thread woken per exchange looked 79 times here.
            assertTrue(w.looks() - before <= 1, "looked " + (w.looks() - before) + " times for 1,000 exchanges");
            assertEquals(0, cancels.get());
        }
    }
}
