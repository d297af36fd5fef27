package dev.quorumbench.node;

/**
 * The state of one quorum write.
 *
 * @param reason for NOT_MET: {@code unreachable} or {@code timeout}; null otherwise
 */
record QuorumVerdict(State state, String reason) {
    enum State { MET, PENDING, NOT_MET }

    static final QuorumVerdict MET = new QuorumVerdict(State.MET, null);
    static final QuorumVerdict PENDING = new QuorumVerdict(State.PENDING, null);

    static QuorumVerdict notMet(String reason) {
        return new QuorumVerdict(State.NOT_MET, reason);
    }
}
