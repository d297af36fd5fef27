package dev.quorumbench.node;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code node serve} was told, validated eagerly (an {@link IllegalArgumentException} names the broken
 * rule).
 *
 * @param quorumWrites W: acks needed including the local commit (1 = single node)
 * @param parentPid exit when this process dies; 0 = no parent watch
 * @param unsafeAckBeforeCommit answer 201 before the local commit and fan-out (they follow from a queue)
 * @param unsafeNoSync run no anti-entropy daemon
 * @param unsafeSyncWallclock pull peers by a wall-clock watermark, so clock skew loses writes
 * @param extraLatencyMs sleep this long in every client write before answering
 * @param allowClockOffset enable the cooperative clock endpoint {@code POST /api/v1/admin/clock-offset}
 * @param fanoutQuorum push each write to only W-1 peers (rotating, the next peer when one fails) and leave the
 *                     others to anti-entropy, instead of pushing to every peer
 * @param unsafeDequeueBeforePush acknowledge each write once committed and push it in the next 100 ms round, which
 *                     takes the round's rows out of the table before pushing them one at a time (see
 *                     {@code DequeueBeforePush})
 */
public record NodeConfig(String host, int port, String nodeId, Path db, int quorumWrites, List<URI> peers,
        long quorumTimeoutMs, long syncIntervalMs, long parentPid, long maxBodyBytes, boolean unsafeAckBeforeCommit,
        boolean unsafeNoSync, boolean unsafeSyncWallclock, long extraLatencyMs, boolean allowClockOffset,
        boolean fanoutQuorum, boolean unsafeDequeueBeforePush) {

    /** A node without the dequeue-before-push aid. */
    public NodeConfig(String host, int port, String nodeId, Path db, int quorumWrites, List<URI> peers,
            long quorumTimeoutMs, long syncIntervalMs, long parentPid, long maxBodyBytes, boolean unsafeAckBeforeCommit,
            boolean unsafeNoSync, boolean unsafeSyncWallclock, long extraLatencyMs, boolean allowClockOffset,
            boolean fanoutQuorum) {
        this(host, port, nodeId, db, quorumWrites, peers, quorumTimeoutMs, syncIntervalMs, parentPid, maxBodyBytes,
                unsafeAckBeforeCommit, unsafeNoSync, unsafeSyncWallclock, extraLatencyMs, allowClockOffset,
                fanoutQuorum, false);
    }

    /** A node that pushes every write to every peer (the default fan-out). */
    public NodeConfig(String host, int port, String nodeId, Path db, int quorumWrites, List<URI> peers,
            long quorumTimeoutMs, long syncIntervalMs, long parentPid, long maxBodyBytes, boolean unsafeAckBeforeCommit,
            boolean unsafeNoSync, boolean unsafeSyncWallclock, long extraLatencyMs, boolean allowClockOffset) {
        this(host, port, nodeId, db, quorumWrites, peers, quorumTimeoutMs, syncIntervalMs, parentPid, maxBodyBytes,
                unsafeAckBeforeCommit, unsafeNoSync, unsafeSyncWallclock, extraLatencyMs, allowClockOffset, false,
                false);
    }

    public NodeConfig {
        peers = List.copyOf(peers);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (quorumWrites < 1 || quorumWrites > peers.size() + 1) {
            throw new IllegalArgumentException("--quorum-writes must be 1.." + (peers.size() + 1)
                    + " (the node plus " + peers.size() + " peers), got " + quorumWrites);
        }
        if (quorumTimeoutMs < 1) {
            throw new IllegalArgumentException("--quorum-timeout-ms must be positive, got " + quorumTimeoutMs);
        }
        if (syncIntervalMs < 1) {
            throw new IllegalArgumentException("--sync-interval-ms must be positive, got " + syncIntervalMs);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("--max-body-bytes must be at least 1024, got " + maxBodyBytes);
        }
        if (unsafeAckBeforeCommit && unsafeDequeueBeforePush) {
            throw new IllegalArgumentException("--unsafe-ack-before-commit and --unsafe-dequeue-before-push are two "
                    + "write paths: pick one");
        }
        if (extraLatencyMs < 0) {
            throw new IllegalArgumentException("--extra-latency-ms must be >= 0, got " + extraLatencyMs);
        }
        if (parentPid < 0) {
            throw new IllegalArgumentException("--parent-pid must be a process id, got " + parentPid);
        }
        for (URI p : peers) {
            if (!"http".equals(p.getScheme()) || p.getHost() == null || p.getPort() < 0) {
                throw new IllegalArgumentException("a peer must be http://host:port, got " + p);
            }
        }
    }

    /** Peer acks needed besides the local commit. */
    public int peerAcksNeeded() {
        return quorumWrites - 1;
    }

    /** The names of the unsafe aids that are on, as reported by health and the startup log line. */
    public List<String> unsafeFlags() {
        List<String> u = new ArrayList<>();
        if (unsafeAckBeforeCommit) {
            u.add("ack-before-commit");
        }
        if (unsafeDequeueBeforePush) {
            u.add("dequeue-before-push");
        }
        if (unsafeNoSync) {
            u.add("no-sync");
        }
        if (unsafeSyncWallclock) {
            u.add("sync-wallclock");
        }
        if (extraLatencyMs > 0) {
            u.add("extra-latency-ms=" + extraLatencyMs);
        }
        if (allowClockOffset) {
            u.add("allow-clock-offset");
        }
        return u;
    }
}
