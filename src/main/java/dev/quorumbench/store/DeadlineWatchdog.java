package dev.quorumbench.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One daemon thread that runs an exchange's cancel once its hard deadline has passed, and is woken by a new exchange
 * only when that exchange's deadline comes before the thread's next look — not once per exchange.
 *
 * <p>Why not a {@code ScheduledThreadPoolExecutor}: scheduling into its empty queue signals the timer thread every
 * time, so each sequential write woke a second thread (futex wake, context switch, about 25 µs of CPU per write on
 * this 2-core machine, taken from the nodes being measured). Here the thread looks at least every {@code idle} and
 * otherwise sleeps until the earliest live deadline; writes whose deadlines lie beyond that (every attempt bounded by
 * more than {@code idle}) register and leave without touching it. Registering and leaving take an uncontended lock.
 */
final class DeadlineWatchdog implements AutoCloseable {

    /** A registered exchange: its deadline and what cancels it. */
    static final class Entry {
        private final long deadlineNanos;
        private final Runnable cancel;

        private Entry(long deadlineNanos, Runnable cancel) {
            this.deadlineNanos = deadlineNanos;
            this.cancel = cancel;
        }
    }

    private final long idleNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The exchanges in flight (guarded by {@code lock}). */
    private final Set<Entry> live = new HashSet<>();
    /** When the thread will look next (guarded by {@code lock}); a deadline before it must wake the thread. */
    private long nextLookNanos;
    /** How many times the thread looked (tests: a registration beyond the next look must not wake it). */
    private final AtomicLong looks = new AtomicLong();
    private final Thread thread;

    /** Starts the daemon thread {@code name}, which looks at least every {@code idleMs}. */
    DeadlineWatchdog(String name, long idleMs) {
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMs);
        this.nextLookNanos = System.nanoTime(); // the thread looks as soon as it runs
        this.thread = new Thread(this::watch, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code cancel} on the watchdog's thread once {@code deadlineNanos} ({@link System#nanoTime()}) passed. */
    Entry register(long deadlineNanos, Runnable cancel) {
        Entry e = new Entry(deadlineNanos, cancel);
        lock.lock();
        try {
            live.add(e);
            if (deadlineNanos - nextLookNanos < 0) {
                nextLookNanos = deadlineNanos;
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
        return e;
    }

    /** The exchange ended: its cancel will not run (unless it is running already). Never wakes the thread. */
    void leave(Entry e) {
        lock.lock();
        try {
            live.remove(e);
        } finally {
            lock.unlock();
        }
    }

    /** How many times the thread has looked at the exchanges since it started. */
    long looks() {
        return looks.get();
    }

    /** Stops the thread; exchanges still registered are not cancelled any more (the transport's lives as the JVM). */
    @Override
    public void close() {
        thread.interrupt();
    }

    private void watch() {
        while (true) {
            List<Entry> due = new ArrayList<>(0);
            lock.lock();
            try {
                looks.incrementAndGet();
                long now = System.nanoTime();
                long next = now + idleNanos;
                for (Iterator<Entry> it = live.iterator(); it.hasNext(); ) {
                    Entry e = it.next();
                    if (e.deadlineNanos - now <= 0) {
                        it.remove();
                        due.add(e);
                    } else if (e.deadlineNanos - next < 0) {
                        next = e.deadlineNanos;
                    }
                }
                nextLookNanos = next;
                if (due.isEmpty()) {
                    // A spurious or early wake-up only makes the thread look again.
                    changed.awaitNanos(next - now);
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return; // closed
            } finally {
                lock.unlock();
            }
            // Cancels run outside the lock: closing a connection must not hold up registrations.
            for (Entry e : due) {
                try {
                    e.cancel.run();
                } catch (RuntimeException ex) {
                    // A failing cancel must not stop the watchdog of every other exchange.
                }
            }
        }
    }
}
