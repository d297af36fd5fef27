package dev.quorumbench.bench;

/**
 * The ABBA order of an interleaved A/B campaign (pure): which arm runs the {@code index}-th cycle of a fork, given
 * how many cycles a block holds. Blocks go A B B A A B B A …, so a linear drift of the machine over any four blocks
 * adds the same to both arms, and every even number of blocks holds as many cycles of each arm.
 */
public final class AbSchedule {

    /** The arm index of the base (A) arm; the head (B) arm is 1. */
    public static final int BASE = 0;
    public static final int HEAD = 1;

    private AbSchedule() {
    }

    /** The arm (BASE or HEAD) of the fork's {@code index}-th cycle (0-based) with blocks of {@code blockCycles}. */
    public static int arm(long index, int blockCycles) {
        if (index < 0 || blockCycles < 1) {
            throw new IllegalArgumentException("index must be ≥ 0 and blockCycles ≥ 1, got " + index + ", " + blockCycles);
        }
        long block = index / blockCycles;
        // Pairs of blocks alternate between (A, B) and (B, A): the block's place in its pair XOR the pair's parity.
        return (int) ((block % 2) ^ ((block / 2) % 2));
    }

    /** The global interleaving block (0-based) the fork's {@code index}-th cycle belongs to. */
    public static long block(long index, int blockCycles) {
        return index / blockCycles;
    }
}
