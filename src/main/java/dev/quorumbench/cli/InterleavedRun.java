package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.compare.CompareSettings;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.GateMetrics;
import dev.quorumbench.analysis.compare.Metric;
import dev.quorumbench.analysis.compare.RunComparison;
import dev.quorumbench.analysis.compare.RunSettings;
import dev.quorumbench.analysis.render.CompareJson;
import dev.quorumbench.analysis.render.CompareMarkdown;
import dev.quorumbench.campaign.AbPlan;
import dev.quorumbench.campaign.ArmResults;
import dev.quorumbench.campaign.CampaignRunner;
import dev.quorumbench.campaign.CampaignSettings;
import dev.quorumbench.campaign.Environment;
import dev.quorumbench.campaign.MechanismResolver;
import dev.quorumbench.cluster.ClusterException;
import dev.quorumbench.cluster.Clusters;
import dev.quorumbench.cluster.ProfileEnvironment;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.run.AtomicFiles;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Interleaving;
import dev.quorumbench.run.Mechanism;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code run} with an {@code "ab"} plan: an interleaved A/B campaign. Writes each arm as a complete run directory
 * ({@code base/}, {@code head/}), runs both arms in the same JMH forks in ABBA blocks, analyses each arm, compares
 * head with base at the top ({@code compare.md}, {@code compare.json}) and picks the exit code: 4 the harness could
 * not run, 1 a class of either arm failed its bounds (lost acknowledged writes among them), else compare's gate
 * (3 regression, 5 inconclusive under {@code --gate strict}, 0).
 */
final class InterleavedRun {

    static final String COMPARE_MD = "compare.md";
    static final String COMPARE_JSON = "compare.json";

    private InterleavedRun() {
    }

    static int run(CampaignSettings settings, AbPlan plan, String id, Path runDir, List<String> jmhArgs,
                   boolean verbose, boolean strict, CiOutputs ci, PrintStream out, PrintStream err) throws Exception {
        long now = System.currentTimeMillis();
        // The gate's family is checked before anything runs: a misspelt metric must not cost a campaign.
        Set<Metric> gated = plan.gateMetrics() == null ? Set.of()
                : GateMetrics.parse(plan.gateMetrics(), "gate metrics (--gate-metrics or ab.gate_metrics)");
        List<CampaignSpec> planned = new ArrayList<>();
        List<CampaignSettings> armSettings = List.of(settings, settings.headArm(plan));
        for (int i = 0; i < 2; i++) {
            String arm = Interleaving.ARMS.get(i);
            CampaignSpec spec = armSettings.get(i).toSpec(id + "-" + arm, runDir.resolve(arm).toString(), now);
            TargetProfile profile = TargetProfile.resolve(spec.target());
            if (profile.ownCluster()) {
                // Two namespace clusters of three hosts each are more than this mode was built and tested for.
                throw new InvalidInputException("an interleaved A/B campaign cannot use target " + profile.name()
                        + ", which brings hosts of its own; use a local or hosts profile");
            }
            ProfileEnvironment.check(profile, System::getenv);
            planned.add(spec.withoutNotApplicable(profile.notApplicable()));
        }
        plan.check(planned.get(0).cycles());
        if (!new HashSet<>(planned.get(0).faults()).equals(new HashSet<>(planned.get(1).faults()))) {
            throw new InvalidInputException("the arms' targets can suffer different fault classes (base "
                    + keys(planned.get(0).faults()) + ", head " + keys(planned.get(1).faults())
                    + "): give --faults both can run");
        }
        List<CampaignSpec> specs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CampaignSpec p = planned.get(i);
            try {
                Clusters.connectAll(TargetProfile.resolve(p.target()));
            } catch (ClusterException e) {
                err.println("quorumbench run: " + Interleaving.ARMS.get(i) + " arm: " + e.getMessage());
                return ExitCode.HARNESS;
            }
            Map<FaultClass, Mechanism> mechanisms = MechanismResolver.resolve(p);
            String arm = Interleaving.ARMS.get(i);
            specs.add(p.withResolution(mechanisms, Environment.capture(p.target())).asArm(p.campaignId(), p.runDir(),
                    new Interleaving(arm, plan.blockCycles(), "../" + Interleaving.ARMS.get(1 - i))));
        }
        CampaignSpec base = specs.get(0);
        CampaignSpec head = specs.get(1);
        CampaignRunner runner = new CampaignRunner(base, head, plan.blockCycles(), runDir, jmhArgs, verbose);
        for (CampaignSpec s : specs) {
            CommandLines.writableDirectory(s.runPath(), "--runs-dir: run directory");
            CampaignJson.write(s);
        }
        err.printf("quorumbench: interleaved A/B campaign %s: %s x %d cycles per arm x %d writes, ABBA blocks of %d"
                        + " cycles -> %s%n", id, keys(base.faults()), base.cycles(), base.writes(), plan.blockCycles(),
                runDir);
        for (CampaignSpec s : specs) {
            err.printf("quorumbench:   %-4s target %s, node args %s%n", s.interleaving().arm(), s.target(),
                    s.nodeArgs().isEmpty() ? "-" : String.join(" ", s.nodeArgs()));
            for (Map.Entry<FaultClass, Mechanism> m : s.mechanisms().entrySet()) {
                err.printf("quorumbench:          %-24s %s (%s)%n", m.getKey(), m.getValue().name(),
                        m.getValue().status().key());
            }
        }
        CampaignRunner.Result result = RunCommand.runUntilInterrupted(runner, runDir, err);
        long finished = System.currentTimeMillis();
        try {
            // Each arm gets its own share of JMH's result, so its directory is a complete run on its own.
            ArmResults.write(runDir, base.runPath(), head.runPath(), plan.blockCycles());
        } catch (java.io.IOException e) {
            err.println("quorumbench run: could not split " + runDir.resolve("jmh-result.json") + " by arm: "
                    + e.getMessage());
        }
        List<Phase4Report> reports = new ArrayList<>();
        for (CampaignSpec s : specs) {
            CampaignJson.write(s.withFinishedAt(finished));
            out.println("== " + s.interleaving().arm() + " arm (" + s.runPath() + ")");
            reports.add(AnalysisStep.report(s.runPath(), s.runPath(), out));
        }
        boolean failed = reports.stream().anyMatch(r -> !r.pass());
        if (!result.completed()) {
            // No comparison of an interrupted campaign: the JUnit file has both arms and a failed compare case.
            printWritten(ci.writeInterleaved(id, reports.get(0), reports.get(1), null, strict), out);
            err.println("quorumbench run: " + result.error());
            err.println("quorumbench run: what was recorded is in " + runDir + " (see each arm's phase4.json)");
            return ExitCode.HARNESS;
        }
        // The arms differ on purpose (that is the experiment): every difference is shown in the headline, none refused.
        Comparison c = RunComparison.compare(List.of(base.runPath()), List.of(head.runPath()),
                CompareSettings.defaults().withBlockCycles(plan.blockCycles())
                        .withAllowDifferent(new HashSet<>(RunSettings.keys())).withGated(gated));
        AtomicFiles.write(runDir.resolve(COMPARE_MD), CompareMarkdown.render(c));
        AtomicFiles.write(runDir.resolve(COMPARE_JSON), CompareJson.render(c));
        out.println("== head vs base: " + c.outcome().words() + ": " + CompareMarkdown.counts(c) + "; wrote "
                + runDir.resolve(COMPARE_MD) + " and " + COMPARE_JSON);
        printWritten(ci.writeInterleaved(id, reports.get(0), reports.get(1), c, strict), out);
        if (failed) {
            out.println("FAIL: a fault class of an arm failed its bounds (see the arm's summary above)");
            return ExitCode.FAILED;
        }
        return CompareCommand.exitCode(c.outcome(), strict);
    }

    private static void printWritten(List<Path> files, PrintStream out) {
        files.forEach(p -> out.println("wrote " + p));
    }

    private static String keys(List<FaultClass> faults) {
        return String.join(",", faults.stream().map(FaultClass::key).toList());
    }

}
