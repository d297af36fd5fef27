package dev.quorumbench.analysis.compare;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.analysis.FaultSummary;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.run.FaultClass;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses to compare runs whose numbers do not mean the same thing: other fault classes, another number of writes
 * per cycle, or another number of measured cycles in a class (totals such as fail counts would differ by
 * construction). The message is one line naming the difference.
 */
public final class Compatibility {

    private Compatibility() {
    }

    /** Throws {@link InvalidInputException} when {@code base} and {@code head} cannot be compared. */
    public static void check(Phase4Report base, Phase4Report head) {
        Set<String> b = new TreeSet<>(base.faults().keySet().stream().map(FaultClass::key).toList());
        Set<String> h = new TreeSet<>(head.faults().keySet().stream().map(FaultClass::key).toList());
        if (!b.equals(h)) {
            throw new InvalidInputException("incompatible runs: different fault classes (base " + List.copyOf(b)
                    + ", head " + List.copyOf(h) + ")");
        }
        if (base.writesPerCycle() != head.writesPerCycle()) {
            throw new InvalidInputException("incompatible runs: different writes per cycle (base "
                    + base.writesPerCycle() + ", head " + head.writesPerCycle() + ")");
        }
        for (FaultSummary bs : base.faults().values()) {
            FaultSummary hs = head.faults().get(bs.fault());
            if (bs.cyclesDone() != hs.cyclesDone()) {
                throw new InvalidInputException("incompatible runs: " + bs.fault() + " has " + bs.cyclesDone()
                        + " measured cycles in base and " + hs.cyclesDone() + " in head (totals would not compare)");
            }
        }
    }
}
