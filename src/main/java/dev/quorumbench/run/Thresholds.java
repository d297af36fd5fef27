package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorumbench.InvalidInputException;

/**
 * The pass criteria of a fault class: convergence fractions that must be reached and lost writes that may not
 * be exceeded.
 *
 * @param convergenceBound   minimum Σok/Σwrites (0.995 by default, the source document's floor)
 * @param replicaConvergence minimum Σ_cycles min_node |accepted ∩ present(node)| / Σaccepted (0.99)
 * @param lostAcknowledged   maximum acknowledged writes missing from a node at the read-back deadline (0)
 */
public record Thresholds(
        @JsonProperty("convergence_bound") double convergenceBound,
        @JsonProperty("replica_convergence") double replicaConvergence,
        @JsonProperty("lost_acknowledged") long lostAcknowledged) {

    /** Refuses what the command line refuses: a preset or a hand-edited campaign.json gets no wider range. */
    public Thresholds {
        fraction("convergence_bound (--threshold)", convergenceBound);
        fraction("replica_convergence (--replica-threshold)", replicaConvergence);
        if (lostAcknowledged < 0) {
            throw new InvalidInputException("thresholds.lost_acknowledged must be ≥ 0, got " + lostAcknowledged);
        }
    }

    private static void fraction(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new InvalidInputException("thresholds." + name + " must be a fraction in (0, 1], got " + value);
        }
    }

    /** The defaults of DESIGN.md. */
    public static final Thresholds DEFAULT = new Thresholds(0.995, 0.99, 0);
}
