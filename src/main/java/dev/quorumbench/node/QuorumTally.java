package dev.quorumbench.node;

/** Collects the peer outcomes of one write as they arrive and lets the writer wait for a verdict. */
final class QuorumTally {
    private final int peerAcksNeeded;
    private int pending;
    private int acks;
    private int unreachable;
    private int otherFailures;

    QuorumTally(int peerAcksNeeded, int peers) {
        this.peerAcksNeeded = peerAcksNeeded;
        this.pending = peers;
    }

    synchronized void record(PushOutcome outcome) {
        pending--;
        switch (outcome) {
            case ACK -> acks++;
            case UNREACHABLE -> unreachable++;
            default -> otherFailures++;
        }
        notifyAll();
    }

    synchronized int acks() {
        return acks;
    }

    /** Waits until the write is met or lost, at the latest until {@code deadlineNanos} (System.nanoTime). */
    synchronized QuorumVerdict await(long deadlineNanos) throws InterruptedException {
        while (true) {
            long remaining = deadlineNanos - System.nanoTime();
            QuorumVerdict v = QuorumRule.decide(peerAcksNeeded, acks, unreachable, otherFailures, pending,
                    remaining <= 0);
            if (v.state() != QuorumVerdict.State.PENDING) {
                return v;
            }
            long ms = Math.max(1, remaining / 1_000_000);
            wait(ms);
        }
    }
}
