package dev.quorumbench.analysis.ci;

import dev.quorumbench.analysis.FaultSummary;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.FaultComparison;
import dev.quorumbench.analysis.compare.MetricComparison;
import dev.quorumbench.analysis.compare.Verdict;
import dev.quorumbench.analysis.render.CompareMarkdown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A campaign as a JUnit test suite: one test case per fault class (failed with its reasons), and one for the run as
 * a whole (failed with the run-level reasons, e.g. an incomplete run), so a CI test reporter shows the verdict; an
 * interleaved A/B campaign adds both arms' cases and the comparison's.
 *
 * @param name       the suite's name, {@code quorumbench.<campaign-id>}
 * @param properties the campaign's settings and environment shown beside the suite, in order
 * @param cases      the test cases, fault classes in campaign order, then the run
 */
public record JunitReport(String name, List<Property> properties, List<Case> cases) {

    /** The class name of every test case: reporters group by it. */
    public static final String CLASS_NAME = "quorumbench.campaign";
    /** The test case of run-level criteria. */
    public static final String RUN_CASE = "run";
    /** The {@code compare} case's failure when an interrupted interleaved campaign was not compared. */
    public static final String NOT_COMPARED = "not compared: the campaign was interrupted before both arms finished";
    /** The test cases of an interleaved campaign's comparison: {@code compare.<fault>} and {@code compare}. */
    public static final String COMPARE_CASE = "compare";

    /** A {@code <property name= value=>}. */
    public record Property(String name, String value) {
    }

    /** A {@code <testcase>}; {@code failures} empty when it passed. */
    public record Case(String name, List<String> failures) {

        public boolean failed() {
            return !failures.isEmpty();
        }
    }

    public long failures() {
        return cases.stream().filter(Case::failed).count();
    }

    /**
     * The suite of an interleaved A/B campaign (pure): each arm's fault classes and run criteria as
     * {@code base.<fault>} / {@code head.<fault>} cases, then a {@code compare.<fault>} case per class that fails
     * with the gated metrics that regressed (and, under the strict gate, those inconclusive), and a
     * {@code compare} case failed, under the strict gate, by what keeps the comparison as a whole from passing (a
     * partial side, a class with nothing judged). {@code c} null: the campaign was interrupted before the arms
     * could be compared, and the {@code compare} case fails saying so, under either gate.
     */
    public static JunitReport ofInterleaved(String campaignId, Phase4Report base, Phase4Report head, Comparison c,
            boolean strict) {
        List<Case> cases = new ArrayList<>();
        List<Phase4Report> arms = List.of(base, head);
        for (int i = 0; i < 2; i++) {
            String prefix = (i == 0 ? "base" : "head") + ".";
            for (Case k : of(arms.get(i)).cases()) {
                cases.add(new Case(prefix + k.name(), k.failures()));
            }
        }
        for (FaultComparison f : c == null ? List.<FaultComparison>of() : c.faults()) {
            List<String> failures = new ArrayList<>();
            for (MetricComparison m : f.metrics()) {
                if (m.gated() && (m.verdict() == Verdict.REGRESSED || strict && m.verdict() == Verdict.INCONCLUSIVE)) {
                    failures.add(m.verdict().word() + ": " + CompareMarkdown.finding(f, m));
                }
            }
            cases.add(new Case(COMPARE_CASE + "." + f.fault().key(), failures));
        }
        // Gaps (a partial side, a class with nothing judged) make the outcome inconclusive: a failure where that is.
        cases.add(new Case(COMPARE_CASE, c == null ? List.of(NOT_COMPARED) : strict ? c.gaps() : List.of()));
        List<Property> props = List.of(
                new Property("campaign_id", campaignId),
                new Property("interleaved", "true"),
                new Property("cycles_per_fault", Integer.toString(head.cyclesPerFault())),
                new Property("writes_per_cycle", Integer.toString(head.writesPerCycle())),
                new Property("complete", Boolean.toString(base.complete() && head.complete())),
                new Property("pass", Boolean.toString(base.pass() && head.pass())),
                new Property("compare_outcome", c == null ? "not compared" : c.outcome().words()),
                new Property("gate", strict ? "strict" : "lenient"),
                new Property("gate_metrics", c == null ? "-" : CompareMarkdown.gatedList(c.settings())));
        return new JunitReport("quorumbench." + campaignId, props, List.copyOf(cases));
    }

    /** The suite of a report (pure). */
    public static JunitReport of(Phase4Report report) {
        List<Case> cases = new ArrayList<>();
        Set<String> classReasons = new HashSet<>();
        for (FaultSummary s : report.faults().values()) {
            cases.add(new Case(s.fault().key(), List.copyOf(s.reasons())));
            classReasons.addAll(s.reasons());
        }
        List<String> runReasons = report.reasons().stream().filter(r -> !classReasons.contains(r)).toList();
        cases.add(new Case(RUN_CASE, runReasons));
        List<Property> props = List.of(
                new Property("campaign_id", report.campaignId()),
                new Property("cycles_per_fault", Integer.toString(report.cyclesPerFault())),
                new Property("writes_per_cycle", Integer.toString(report.writesPerCycle())),
                new Property("complete", Boolean.toString(report.complete())),
                new Property("pass", Boolean.toString(report.pass())));
        return new JunitReport("quorumbench." + report.campaignId(), props, List.copyOf(cases));
    }
}
