package dev.quorumbench.node;

/** Pure quorum arithmetic: from the peer outcomes so far, is a write met, lost, or still open? */
final class QuorumRule {

    private QuorumRule() {
    }

    /**
     * @param peerAcksNeeded W−1
     * @param acks peers that acked
     * @param unreachable peers that failed by refusal/reset
     * @param otherFailures peers that failed otherwise (timeout, error status)
     * @param pending peers with no outcome yet
     * @param deadlinePassed the quorum timeout has elapsed
     */
    static QuorumVerdict decide(int peerAcksNeeded, int acks, int unreachable, int otherFailures, int pending,
            boolean deadlinePassed) {
        if (acks >= peerAcksNeeded) {
            return QuorumVerdict.MET;
        }
        if (acks + pending < peerAcksNeeded) {
            // Cannot be met any more: answer now rather than wait for the deadline. Only failed peers are
            // judged; a peer still pending has not failed.
            return QuorumVerdict.notMet(otherFailures == 0 ? "unreachable" : "timeout");
        }
        if (deadlinePassed) {
            // Pending peers at the deadline have timed out.
            return QuorumVerdict.notMet(otherFailures == 0 && pending == 0 ? "unreachable" : "timeout");
        }
        return QuorumVerdict.PENDING;
    }
}
