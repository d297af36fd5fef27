package dev.quorumbench.node;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** A client write end to end: local commit, parallel fan-out, and the quorum verdict within the timeout. */
final class WriteService {
    private final MemoryStore store;
    private final Replicator replicator;
    private final NodeClock clock;
    private final NodeConfig config;
    private final UnsafeAckQueue unsafeQueue;
    private final DequeueBeforePush dequeueBeforePush;

    /**
     * @param unsafeQueue       non-null only under {@code --unsafe-ack-before-commit}
     * @param dequeueBeforePush non-null only under {@code --unsafe-dequeue-before-push}
     */
    WriteService(MemoryStore store, Replicator replicator, NodeClock clock, NodeConfig config,
            UnsafeAckQueue unsafeQueue, DequeueBeforePush dequeueBeforePush) {
        this.store = store;
        this.replicator = replicator;
        this.clock = clock;
        this.config = config;
        this.unsafeQueue = unsafeQueue;
        this.dequeueBeforePush = dequeueBeforePush;
    }

    WriteResult write(WriteRequest request) throws SQLException, InterruptedException {
        String newId = UUID.randomUUID().toString();
        if (unsafeQueue != null) {
            return acknowledgeBeforeCommit(request, newId);
        }
        CreateOutcome outcome = store.create(request, newId, clock.nowMs());
        if (outcome.isConflict()) {
            return new WriteResult.Conflict(outcome.conflictId());
        }
        Memory stored = outcome.memory();
        if (dequeueBeforePush != null) {
            // The unsafe aid: committed here, claimed replicated at once; the next round pushes it.
            dequeueBeforePush.acknowledged(stored);
            return new WriteResult.Created(stored.id(), stored.namespace(), stored.title(), config.quorumWrites(),
                    config.quorumWrites());
        }
        QuorumTally tally = replicator.replicate(stored, config.peerAcksNeeded());
        long deadline = System.nanoTime() + config.quorumTimeoutMs() * 1_000_000L;
        QuorumVerdict verdict = tally.await(deadline);
        if (verdict.state() == QuorumVerdict.State.MET) {
            return new WriteResult.Created(stored.id(), stored.namespace(), stored.title(), tally.acks() + 1,
                    config.quorumWrites());
        }
        // ADR-0001: the local write is kept; the pushes still in flight and the sync daemon may spread it later.
        return new WriteResult.QuorumNotMet(tally.acks() + 1, config.quorumWrites(), verdict.reason());
    }

    /** The unsafe aid: claims a full quorum at once; commit and fan-out follow from an in-memory queue. */
    private WriteResult acknowledgeBeforeCommit(WriteRequest request, String newId) throws SQLException {
        Optional<Memory> existing = store.find(request.namespace(), request.title());
        if (existing.isPresent() && !request.merge()) {
            return new WriteResult.Conflict(existing.get().id());
        }
        unsafeQueue.enqueue(request, newId, clock.nowMs());
        String id = existing.map(Memory::id).orElse(newId);
        return new WriteResult.Created(id, request.namespace(), request.title(), config.quorumWrites(),
                config.quorumWrites());
    }
}
