package dev.quorumbench.analysis;

import dev.quorumbench.run.FaultWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * The attested fault windows of one class's cycles, per-cycle samples in milliseconds: what the store really saw
 * next to the configured window.
 *
 * @param controlMs apply start → confirmed on the host (control latency); null when no cycle has it
 * @param heldMs    confirmed → healed on the host (how long the fault was known in place); null when none has it
 * @param seenMs    apply start → first good probe after heal (the longest the store can have seen it); null when
 *                  none has it
 */
public record WindowStats(SampleStats controlMs, SampleStats heldMs, SampleStats seenMs) {

    /** The statistics of {@code windows} (nulls skipped), or null when no cycle attested a window. */
    public static WindowStats of(List<FaultWindow> windows) {
        List<Long> control = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (FaultWindow w : windows) {
            if (w == null) {
                continue;
            }
            add(control, w.controlMs());
            add(held, w.heldMs());
            add(seen, w.seenMs());
        }
        if (control.isEmpty() && held.isEmpty() && seen.isEmpty()) {
            return null;
        }
        return new WindowStats(SampleStats.of(control), SampleStats.of(held), SampleStats.of(seen));
    }

    private static void add(List<Long> to, Long v) {
        if (v != null) {
            to.add(v);
        }
    }
}
