package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.compare.Comparison;

/**
 * Everything a release-evidence report shows: the run as loaded and as analyzed, and optionally a baseline run
 * with the comparison of the run against it.
 *
 * @param data     the run's files
 * @param report   the run's analysis
 * @param baseline the baseline, or null
 */
public record Evidence(RunData data, Phase4Report report, Baseline baseline) {

    /**
     * A baseline run and the comparison of the reported run (head) against it (base).
     *
     * @param data       the baseline's files
     * @param report     the baseline's analysis
     * @param comparison base = baseline, head = the reported run
     */
    public record Baseline(RunData data, Phase4Report report, Comparison comparison) {
    }
}
