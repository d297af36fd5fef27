package dev.quorumbench.analysis;

import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a run's files into its {@link Phase4Report}: one {@link FaultSummary} per fault class and the overall
 * verdict. The overload taking {@link RunData} is pure.
 */
public final class Phase4Analysis {

    /** Written into phase4.json's generated_by; fixed so golden files stay stable. */
    public static final String GENERATED_BY = "quorumbench analyze";

    private Phase4Analysis() {
    }

    /** Loads {@code runDir} and analyzes it (the entry {@code run} calls after JMH returns). */
    public static Phase4Report analyze(Path runDir) {
        return analyze(RunLoader.load(runDir, false));
    }

    /** Analyzes files already loaded. */
    public static Phase4Report analyze(RunData data) {
        CampaignSpec c = data.campaign();
        Map<FaultClass, FaultSummary> faults = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        boolean complete = true;
        boolean allPass = true;
        for (FaultData fd : data.faults().values()) {
            JmhResult.Benchmark b = data.jmh() == null ? null : data.jmh().byFault().get(fd.fault());
            FaultAnalysis.Context ctx = new FaultAnalysis.Context(fd.fault(), c.cycles(), c.thresholds(),
                    c.mechanisms().get(fd.fault()), fd.jsonlTruncated(),
                    !fd.hlogPresent() && !fd.cycles().isEmpty(), fd.hlogTruncated(),
                    b == null ? null : b.secondaryScores());
            FaultSummary s = FaultAnalysis.summarize(ctx, fd.cycles(), fd.histograms());
            faults.put(fd.fault(), s);
            reasons.addAll(s.reasons());
            complete &= s.complete();
            allPass &= s.pass();
        }
        if (data.jmh() == null) {
            complete = false;
            reasons.add("incomplete: " + RunFiles.JMH_RESULT + " missing, empty or cut off");
        }
        return new Phase4Report(Phase4Report.SCHEMA_VERSION, c.campaignId(), allPass && complete, complete,
                c.cycles(), c.writes(), c.thresholds(), c.schedulePlan(),
                Collections.unmodifiableMap(faults), Collections.unmodifiableList(reasons), environment(data),
                GENERATED_BY, c.notApplicable());
    }

    /** campaign.json's environment plus the fork JVM as JMH saw it, sorted by key. */
    static Map<String, Object> environment(RunData data) {
        Map<String, Object> env = new TreeMap<>(data.campaign().environment());
        JmhResult j = data.jmh();
        if (j != null) {
            putIfPresent(env, "jmh_version", j.jmhVersion());
            putIfPresent(env, "jdk_version", j.jdkVersion());
            putIfPresent(env, "vm_name", j.vmName());
            putIfPresent(env, "vm_version", j.vmVersion());
        }
        return Collections.unmodifiableMap(env);
    }

    private static void putIfPresent(Map<String, Object> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }
}
