package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quorumbench.host.Firewall;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The heal fault thread and the backstop heal both take the armed flush: exactly one of them gets it. */
class ArmedFlushSlotTest {

    /** An armed flush that only counts what is done to it. */
    private static final class Counting implements Firewall.ArmedFlush {
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public OptionalLong fire() {
            return OptionalLong.empty();
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void takingTwiceGetsTheFlushOnce() {
        ArmedFlushSlot slot = new ArmedFlushSlot();
        Counting flush = new Counting();
        slot.put(flush);
        assertSame(flush, slot.take());
        assertNull(slot.take(), "the second taker finds nothing to fire");
    }

    @Test
    void aFlushLeftArmedIsClosedWhenTheNextIsPut() {
        ArmedFlushSlot slot = new ArmedFlushSlot();
        Counting stale = new Counting();
        Counting fresh = new Counting();
        slot.put(stale);
        slot.put(fresh);
        assertEquals(1, stale.closed.get());
        assertEquals(0, fresh.closed.get());
        assertSame(fresh, slot.take());
    }

    /**
     * Two threads released together take at once, many times over: with a read-then-clear both could get the same
     * flush in one round (a race this can only catch by chance, so it runs many rounds; it never passes wrongly).
     */
    @Test
    void twoConcurrentTakersGetTheFlushExactlyOnceEachRound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2000; round++) {
                ArmedFlushSlot slot = new ArmedFlushSlot();
                slot.put(new Counting());
                CountDownLatch go = new CountDownLatch(1);
                Future<Firewall.ArmedFlush> a = pool.submit(() -> {
                    go.await();
                    return slot.take();
                });
                Future<Firewall.ArmedFlush> b = pool.submit(() -> {
                    go.await();
                    return slot.take();
                });
                go.countDown();
                int got = (a.get(10, TimeUnit.SECONDS) == null ? 0 : 1) + (b.get(10, TimeUnit.SECONDS) == null ? 0 : 1);
                assertEquals(1, got, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
