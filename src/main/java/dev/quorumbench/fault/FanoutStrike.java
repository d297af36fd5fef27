package dev.quorumbench.fault;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one SIGKILL of a cycle timed to the wire, sent by whichever thread gets there first: the link proxy thread
 * that saw the moment, or the fault thread when the moment did not come (the fallback).
 */
final class FanoutStrike {

    private final PrimaryKill kill;
    private final long pid;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean sent = new AtomicBoolean();
    private volatile long calledNanos;
    private volatile long landedNanos;
    private volatile FaultException error;

    FanoutStrike(PrimaryKill kill, long pid) {
        this.kill = kill;
        this.pid = pid;
    }

    /** Sends the SIGKILL unless it was sent already; safe from any thread, returns once it was sent (or failed). */
    void now() {
        if (!sent.compareAndSet(false, true)) {
            return;
        }
        calledNanos = System.nanoTime();
        try {
            landedNanos = kill.signal(pid);
        } catch (FaultException e) {
            error = e;
        } catch (RuntimeException e) {
            error = new FaultException("SIGKILL of node-0 (pid " + pid + ") failed: " + e, e);
        } finally {
            done.countDown();
        }
    }

    /** Waits (bounded) until the SIGKILL was sent or failed; true when it was. */
    boolean await(long waitMs) throws FaultException {
        try {
            return done.await(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaultException("interrupted while waiting for node-0's push", e);
        }
    }

    /** When the SIGKILL was asked of the host. */
    long calledNanos() {
        return calledNanos;
    }

    long landedNanos() throws FaultException {
        if (error != null) {
            throw error;
        }
        return landedNanos;
    }
}
