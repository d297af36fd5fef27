package dev.quorumbench.run;

import java.nio.file.Path;

/**
 * The names of every file in a run directory ({@code runs/<campaign-id>/}): the campaign writes them, analysis
 * reads them, and nobody else spells them. runs/README.md documents what each one holds.
 */
public final class RunFiles {

    /** The campaign plan, with mechanisms and environment; written at start and again at the end. */
    public static final String CAMPAIGN_JSON = "campaign.json";
    /** JMH's own JSON result, written when JMH ends. */
    public static final String JMH_RESULT = "jmh-result.json";
    /** JMH's own console output when not {@code --verbose}. */
    public static final String JMH_LOG = "jmh.log";
    /** The analysis result. */
    public static final String PHASE4_JSON = "phase4.json";
    /** The analysis summary in Markdown. */
    public static final String REPORT_MD = "report.md";
    /**
     * The hosts profile a run wrote for the namespace cluster it brought up ({@code "host": "netns"}): the target the
     * forks read, kept so the run says exactly where each node ran.
     */
    public static final String TARGET_HOSTS = "target-hosts.json";
    /** Under {@link #NODES_DIR}: the data and logs of nodes on the run's own namespace hosts, one directory per node. */
    public static final String NETNS_NODES = "netns";
    /** Parent of each fault class's node working directories. */
    public static final String NODES_DIR = "nodes";

    private RunFiles() {
    }

    /** {@code phase4-<fault>.jsonl}: one {@link CycleRecord} per measured cycle. */
    public static String cycleLogName(FaultClass fault) {
        return "phase4-" + fault.key() + ".jsonl";
    }

    /** {@code latency-<fault>.hlog}: one HdrHistogram interval per cycle and outcome. */
    public static String latencyLogName(FaultClass fault) {
        return "latency-" + fault.key() + ".hlog";
    }

    /** {@code latency-<fault>.hgrm}: the percentile distribution analysis writes. */
    public static String histogramName(FaultClass fault) {
        return "latency-" + fault.key() + ".hgrm";
    }

    /** {@code latency-<fault>-<outcome>.hgrm}: the percentile distribution of one outcome's writes. */
    public static String histogramName(FaultClass fault, Outcome outcome) {
        return "latency-" + fault.key() + "-" + outcome.key() + ".hgrm";
    }

    /** {@code trial-error-<fault>.txt}: one line by a fork whose trial could not start, read by the parent. */
    public static String trialErrorName(FaultClass fault) {
        return "trial-error-" + fault.key() + ".txt";
    }

    public static Path campaignJson(Path runDir) {
        return runDir.resolve(CAMPAIGN_JSON);
    }

    public static Path jmhResult(Path runDir) {
        return runDir.resolve(JMH_RESULT);
    }

    public static Path jmhLog(Path runDir) {
        return runDir.resolve(JMH_LOG);
    }

    public static Path cycleLog(Path runDir, FaultClass fault) {
        return runDir.resolve(cycleLogName(fault));
    }

    public static Path latencyLog(Path runDir, FaultClass fault) {
        return runDir.resolve(latencyLogName(fault));
    }

    public static Path histogram(Path runDir, FaultClass fault) {
        return runDir.resolve(histogramName(fault));
    }

    public static Path histogram(Path runDir, FaultClass fault, Outcome outcome) {
        return runDir.resolve(histogramName(fault, outcome));
    }

    public static Path trialError(Path runDir, FaultClass fault) {
        return runDir.resolve(trialErrorName(fault));
    }

    public static Path nodeWorkDir(Path runDir, FaultClass fault) {
        return runDir.resolve(NODES_DIR).resolve(fault.key());
    }
}
