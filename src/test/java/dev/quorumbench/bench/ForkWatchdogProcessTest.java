package dev.quorumbench.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fork's watchdog fires when the watched process dies, and not while it lives. */
@Tag("process")
class ForkWatchdogProcessTest {

    @Test
    void firesOnceTheWatchedProcessIsKilled() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        CountDownLatch fired = new CountDownLatch(1);
        ScheduledExecutorService poller = ForkWatchdog.watch(sleeper.toHandle(), fired::countDown);
        try {
            assertFalse(fired.await(3 * ForkWatchdog.POLL_MS, TimeUnit.MILLISECONDS), "fired while the process lives");
            sleeper.destroyForcibly();
            assertTrue(fired.await(10, TimeUnit.SECONDS), "did not fire after SIGKILL");
        } finally {
            poller.shutdownNow();
            sleeper.destroyForcibly();
        }
    }

    @Test
    void isNotArmedOutsideAJmhFork() {
        assertFalse(ForkWatchdog.inJmhFork(), "surefire's JVM is not a JMH fork");
    }
}
