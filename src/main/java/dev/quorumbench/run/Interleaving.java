package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorumbench.InvalidInputException;
import java.util.List;

/**
 * Where one arm of an interleaved A/B campaign sits in it: which arm this run directory is, how many cycles a
 * block holds, and the sibling arm's directory. With the arm's own cycle numbers (1-based) this is enough to say
 * which interleaving block a cycle ran in ({@link #block(int)}), so compare's units can be those blocks.
 *
 * @param arm         {@value #BASE} or {@value #HEAD}
 * @param blockCycles consecutive cycles of one arm between switches (the B in A…A B…B B…B A…A)
 * @param otherArm    the other arm's run directory, relative to this one ({@code ../head})
 */
public record Interleaving(
        @JsonProperty("arm") String arm,
        @JsonProperty("block_cycles") int blockCycles,
        @JsonProperty("other_arm") String otherArm) {

    public static final String BASE = "base";
    public static final String HEAD = "head";
    /** The arms in the order their clusters start and the schedule names them (index 0 = base). */
    public static final List<String> ARMS = List.of(BASE, HEAD);

    public Interleaving {
        if (!ARMS.contains(arm)) {
            throw new InvalidInputException("interleaving.arm must be base or head, got '" + arm + "'");
        }
        if (blockCycles < 1) {
            throw new InvalidInputException("interleaving.block_cycles must be ≥ 1, got " + blockCycles);
        }
    }

    /** The arm's block (0-based, in this arm's own numbering) that its cycle {@code cycle} (1-based) ran in. */
    public int block(int cycle) {
        return (cycle - 1) / blockCycles;
    }
}
