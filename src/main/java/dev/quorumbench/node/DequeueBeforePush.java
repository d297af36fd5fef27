package dev.quorumbench.node;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code --unsafe-dequeue-before-push} aid: a write is committed locally and acknowledged at once (claiming the
 * full quorum), and every 100 ms the rows acknowledged since the last round are taken out of the table in one
 * commit, pushed to the peers one at a time, and each put back after its peers answered. The classic
 * dequeue-before-deliver bug: between the dequeue and each row's push its only copy is in memory, so a SIGKILL
 * while the round's first push is on the wire loses the rows still waiting behind it. Outside a round every
 * acknowledged row is committed, so a kill at a random moment mostly loses nothing.
 */
final class DequeueBeforePush implements AutoCloseable {
    static final long ROUND_INTERVAL_MS = 100;

    private final ConcurrentLinkedQueue<Memory> acknowledged = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService rounds =
            Executors.newSingleThreadScheduledExecutor(Replicator.daemonThreads("unsafe-dequeue-round"));
    private final MemoryStore store;
    private final Replicator replicator;
    private final long pushTimeoutMs;
    private final Consumer<String> log;

    DequeueBeforePush(MemoryStore store, Replicator replicator, long pushTimeoutMs, Consumer<String> log) {
        this.store = store;
        this.replicator = replicator;
        this.pushTimeoutMs = pushTimeoutMs;
        this.log = log;
    }

    void start() {
        rounds.scheduleWithFixedDelay(this::round, ROUND_INTERVAL_MS, ROUND_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** A row just committed and acknowledged; the next round pushes it. */
    void acknowledged(Memory row) {
        acknowledged.add(row);
    }

    /** Dequeues every row acknowledged so far, then pushes and restores them one by one. */
    void round() {
        List<Memory> batch = new ArrayList<>();
        Memory m;
        while ((m = acknowledged.poll()) != null) {
            batch.add(m);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.delete(batch.stream().map(Memory::id).toList());
            for (Memory row : batch) {
                QuorumTally tally = replicator.replicate(row, replicator.peers());
                tally.await(System.nanoTime() + pushTimeoutMs * 1_000_000L);
                store.apply(List.of(row));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            restore(batch);
        } catch (Exception e) {
            log.accept("unsafe-dequeue round failed rows=" + batch.size() + " error=" + e.getMessage());
            restore(batch);
        }
    }

    /** Puts rows back when a round fails; a row already back is a no-op (last writer wins on equal versions). */
    private void restore(List<Memory> batch) {
        try {
            store.apply(batch);
        } catch (Exception e) {
            log.accept("unsafe-dequeue restore failed rows=" + batch.size() + " error=" + e.getMessage());
        }
    }

    /** A clean shutdown (SIGTERM) finishes the round in progress and runs one more; only SIGKILL loses rows. */
    @Override
    public void close() {
        rounds.shutdown();
        try {
            rounds.awaitTermination(pushTimeoutMs * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        round();
    }
}
