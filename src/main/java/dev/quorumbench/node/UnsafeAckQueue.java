package dev.quorumbench.node;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code --unsafe-ack-before-commit} aid: writes already acknowledged wait here in memory and are committed
 * and fanned out every 100 ms, so a SIGKILL loses acknowledged writes on purpose (the harness must notice).
 */
final class UnsafeAckQueue implements AutoCloseable {
    static final long FLUSH_INTERVAL_MS = 100;

    private record Pending(WriteRequest request, String id, long nowMs) {
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService flusher =
            Executors.newSingleThreadScheduledExecutor(Replicator.daemonThreads("unsafe-ack-flush"));
    private final MemoryStore store;
    private final Replicator replicator;
    private final Consumer<String> log;

    UnsafeAckQueue(MemoryStore store, Replicator replicator, Consumer<String> log) {
        this.store = store;
        this.replicator = replicator;
        this.log = log;
    }

    void start() {
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    void enqueue(WriteRequest request, String id, long nowMs) {
        queue.add(new Pending(request, id, nowMs));
    }

    /** Commits and fans out everything queued; fan-out results are not awaited. */
    void flush() {
        Pending p;
        while ((p = queue.poll()) != null) {
            try {
                CreateOutcome o = store.create(p.request(), p.id(), p.nowMs());
                if (!o.isConflict()) {
                    replicator.replicate(o.memory(), 0);
                }
            } catch (Exception e) {
                log.accept("unsafe-ack-flush failed id=" + p.id() + " error=" + e.getMessage());
            }
        }
    }

    /** A clean shutdown (SIGTERM) still commits what was acknowledged; only SIGKILL loses it. */
    @Override
    public void close() {
        flusher.shutdownNow();
        flush();
    }
}
