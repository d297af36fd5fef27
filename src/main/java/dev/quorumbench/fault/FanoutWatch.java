package dev.quorumbench.fault;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Follows node-0's replication pushes as the link proxies pass them on (fed chunk by chunk from the proxy threads)
 * and says which chunk is the moment a kill should land: the first bytes of the first push, or the first push answer
 * passed back to node-0. No I/O: the proxies tell it what they passed; it only keeps the times.
 */
final class FanoutWatch {

    /** Which chunk is the moment. */
    enum Moment {
        /** The first bytes of a push left node-0 for a peer. */
        PUSH_STARTED,
        /** A peer's answer to a push passed back to node-0 (the first one: exactly one peer has answered). */
        PEER_ANSWERED
    }

    /** The request line of a replication push; a chunk that starts with it starts a push. */
    static final byte[] PUSH_REQUEST = "POST /api/v1/sync/push ".getBytes(StandardCharsets.US_ASCII);

    /**
     * What had been seen when the watch was frozen (just after the kill landed).
     *
     * @param pushPeer        the peer (node index) the first push went to; -1 when none was seen
     * @param pushNanos       when its first bytes passed the proxy
     * @param pushAnswerNanos when the answer to that first push passed back to node-0; 0 when it had not
     * @param pushesStarted   pushes whose first bytes had passed (one per peer and row)
     * @param pushesAnswered  pushes whose answer had passed back to node-0
     * @param answerPeer      the peer whose push answer came back first; -1 when none
     * @param answerNanos     when that answer passed back
     */
    record Seen(int pushPeer, long pushNanos, long pushAnswerNanos, int pushesStarted, int pushesAnswered,
                int answerPeer, long answerNanos) {

        boolean pushSeen() {
            return pushPeer >= 0;
        }

        /** The first push's answer had passed back to node-0 by {@code nanoTime}. */
        boolean pushAnsweredBy(long nanoTime) {
            return pushAnswerNanos != 0 && pushAnswerNanos - nanoTime <= 0;
        }
    }

    private final Moment moment;
    /** Pushes sent and not yet answered, by peer and proxy connection: "peer:connection". */
    private final Set<String> unanswered = new HashSet<>();
    private int pushPeer = -1;
    private long pushNanos;
    private String pushKey;
    private long pushAnswerNanos;
    private int pushesStarted;
    private int pushesAnswered;
    private int answerPeer = -1;
    private long answerNanos;
    private boolean frozen;

    FanoutWatch(Moment moment) {
        this.moment = moment;
    }

    /**
     * One chunk passed on the link node-0→{@code peer}; {@code request} for node-0's bytes, false for the answer.
     * Returns true for exactly one chunk: the moment.
     */
    synchronized boolean passed(int peer, long connection, boolean request, byte[] buf, int length, long nanoTime) {
        if (frozen) {
            return false;
        }
        String key = peer + ":" + connection;
        if (request) {
            if (!startsWith(buf, length, PUSH_REQUEST)) {
                return false; // a body continuation, or the sync daemon's pull (GET /api/v1/sync/since)
            }
            pushesStarted++;
            unanswered.add(key);
            if (pushPeer < 0) {
                pushPeer = peer;
                pushNanos = nanoTime;
                pushKey = key;
                return moment == Moment.PUSH_STARTED;
            }
            return false;
        }
        // HTTP/1.1 without pipelining: the next answer on a connection is the answer to its pending request.
        if (unanswered.remove(key)) {
            pushesAnswered++;
            if (key.equals(pushKey)) {
                pushAnswerNanos = nanoTime;
            }
            if (answerPeer < 0) {
                answerPeer = peer;
                answerNanos = nanoTime;
                return moment == Moment.PEER_ANSWERED;
            }
        }
        return false;
    }

    /** What has been seen; later chunks are ignored from here on, so the record ends at the kill. */
    synchronized Seen freeze() {
        frozen = true;
        return new Seen(pushPeer, pushNanos, pushAnswerNanos, pushesStarted, pushesAnswered, answerPeer,
                answerNanos);
    }

    static boolean startsWith(byte[] buf, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
