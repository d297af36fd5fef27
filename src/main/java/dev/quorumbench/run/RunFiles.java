package dev.quorumbench.run;

import java.nio.file.Path;

/** Names of the per-fault files a campaign writes into its run directory. */
public final class RunFiles {
    private RunFiles() {
    }

    public static Path cycleLog(Path runDir, String fault) {
        return runDir.resolve("phase4-" + fault + ".jsonl");
    }

    public static Path latencyLog(Path runDir, String fault) {
        return runDir.resolve("latency-" + fault + ".hlog");
    }

    public static Path campaignJson(Path runDir) {
        return runDir.resolve("campaign.json");
    }

    public static Path jmhResult(Path runDir) {
        return runDir.resolve("jmh-result.json");
    }

    /** One line written by a fork whose trial could not start, read by the parent to explain exit 4. */
    public static Path trialError(Path runDir, String fault) {
        return runDir.resolve("trial-error-" + fault + ".txt");
    }

    public static Path nodeWorkDir(Path runDir, String fault) {
        return runDir.resolve("nodes").resolve(fault);
    }
}
