package dev.quorumbench.federation;

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
 * Pushes a row to every peer in parallel ({@code POST /sync/push}). Each peer has its own bounded worker pool,
 * so a paused or partitioned peer ties up only its own workers and never delays the pushes to healthy peers.
 * Pushes are never cancelled: one still running when the writer has its answer finishes in the background.
 */
final class Replicator implements AutoCloseable {
    private static final int THREADS_PER_PEER = 16;
    private static final int QUEUE_PER_PEER = 4096;

    private final String nodeId;
    private final PeerClient client;
    private final List<URI> pushUrls = new ArrayList<>();
    private final List<ThreadPoolExecutor> workers = new ArrayList<>();

    Replicator(String nodeId, List<URI> peers, PeerClient client) {
        this.nodeId = nodeId;
        this.client = client;
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

    /** Starts pushing {@code memory} to every peer; the tally fills in as peers answer. */
    QuorumTally replicate(Memory memory, int peerAcksNeeded) {
        QuorumTally tally = new QuorumTally(peerAcksNeeded, pushUrls.size());
        byte[] body = pushBody(memory);
        for (int i = 0; i < pushUrls.size(); i++) {
            URI url = pushUrls.get(i);
            try {
                workers.get(i).execute(() -> tally.record(client.push(url, body)));
            } catch (RejectedExecutionException e) {
                // The peer's queue is full (it has been hanging for a while) or we are shutting down.
                tally.record(PushOutcome.FAILED);
            }
        }
        return tally;
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
