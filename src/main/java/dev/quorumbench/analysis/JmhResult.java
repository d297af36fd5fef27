package dev.quorumbench.analysis;

import dev.quorumbench.run.FaultClass;
import java.util.Map;

/**
 * The parts of JMH's {@code jmh-result.json} that analysis uses: the JVM that ran the forks and, per fault
 * class, the secondary metrics (outcome counters).
 *
 * @param jmhVersion JMH's version
 * @param jdkVersion the fork JVM's JDK version
 * @param jvm        path of the fork's java binary
 * @param vmName     e.g. "OpenJDK 64-Bit Server VM"
 * @param vmVersion  e.g. "17.0.15+6"
 * @param byFault    one entry per benchmark run, keyed by its {@code params.fault}
 */
public record JmhResult(
        String jmhVersion,
        String jdkVersion,
        String jvm,
        String vmName,
        String vmVersion,
        Map<FaultClass, Benchmark> byFault) {

    /**
     * One benchmark run of the result file.
     *
     * @param benchmark        the benchmark method's full name
     * @param fault            its {@code params.fault}
     * @param mode             JMH mode, e.g. "ss"
     * @param secondaryScores  secondary metric name → score ("ok", "quorum_not_met", "fail", "lost_acknowledged"…)
     */
    public record Benchmark(String benchmark, FaultClass fault, String mode, Map<String, Double> secondaryScores) {
    }
}
