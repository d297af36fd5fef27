package dev.quorumbench.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Pushes a row to its peers in parallel ({@code POST /sync/push}): to every peer, or with {@code --fanout quorum}
 * to just the W-1 peers the quorum needs (rotating, and on to the next peer when one fails), leaving the rest to
 * anti-entropy. Each peer has its own bounded worker pool, so a paused or partitioned peer ties up only its own
 * workers and never delays the pushes to healthy peers. Pushes are never cancelled: one still running when the
 * writer has its answer finishes in the background.
 */
final class Replicator implements AutoCloseable {
    private static final int THREADS_PER_PEER = 16;
    private static final int QUEUE_PER_PEER = 4096;

    private final String nodeId;
    private final PeerClient client;
    private final List<URI> pushUrls = new ArrayList<>();
    private final List<ThreadPoolExecutor> workers = new ArrayList<>();
    private final boolean fanoutQuorum;
    private final java.util.concurrent.atomic.AtomicInteger rotation = new java.util.concurrent.atomic.AtomicInteger();

    Replicator(String nodeId, List<URI> peers, PeerClient client, boolean fanoutQuorum) {
        this.nodeId = nodeId;
        this.client = client;
        this.fanoutQuorum = fanoutQuorum;
        for (URI peer : peers) {
            pushUrls.add(peer.resolve("/api/v1/sync/push"));
            ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS_PER_PEER, THREADS_PER_PEER, 30,
                    TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_PER_PEER), daemonThreads("push-" + peer));
            pool.allowCoreThreadTimeOut(true);
            workers.add(pool);
        }
    }

    int peers() {
        return pushUrls.size();
    }

    /** Starts pushing {@code memory} to its peers; the tally fills in as peers answer. */
    QuorumTally replicate(Memory memory, int peerAcksNeeded) {
        QuorumTally tally = new QuorumTally(peerAcksNeeded, pushUrls.size());
        byte[] body = pushBody(memory);
        int n = pushUrls.size();
        if (!fanoutQuorum || peerAcksNeeded <= 0 || peerAcksNeeded >= n) {
            for (int i = 0; i < n; i++) {
                push(i, body, tally, () -> { });
            }
            return tally;
        }
        // Quorum fan-out: W-1 peers in rotation; each failure hands the row to the next untried peer, so a write
        // still reaches a quorum while one peer is down, and every peer is tried before the tally can fail.
        int start = Math.floorMod(rotation.getAndIncrement(), n);
        java.util.concurrent.atomic.AtomicInteger tried = new java.util.concurrent.atomic.AtomicInteger(peerAcksNeeded);
        Runnable[] onFailure = new Runnable[1];
        onFailure[0] = () -> {
            int k = tried.getAndIncrement();
            if (k < n) {
                push((start + k) % n, body, tally, onFailure[0]);
            }
        };
        for (int k = 0; k < peerAcksNeeded; k++) {
            push((start + k) % n, body, tally, onFailure[0]);
        }
        return tally;
    }

    private void push(int peer, byte[] body, QuorumTally tally, Runnable onFailure) {
        URI url = pushUrls.get(peer);
        try {
            workers.get(peer).execute(() -> {
                PushOutcome outcome = client.push(url, body);
                tally.record(outcome);
                if (outcome != PushOutcome.ACK) {
                    onFailure.run();
                }
            });
        } catch (RejectedExecutionException e) {
            // The peer's queue is full (it has been hanging for a while) or we are shutting down.
            tally.record(PushOutcome.FAILED);
            onFailure.run();
        }
    }

    private byte[] pushBody(Memory memory) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("sender", nodeId);
        body.putArray("memories").add(MemoryJson.toJson(memory));
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a push body", e);
        }
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        workers.forEach(ThreadPoolExecutor::shutdownNow);
    }
}
