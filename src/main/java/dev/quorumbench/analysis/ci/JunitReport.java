package dev.quorumbench.analysis.ci;

import dev.quorumbench.analysis.FaultSummary;
import dev.quorumbench.analysis.Phase4Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A campaign as a JUnit test suite: one test case per fault class (failed with its reasons), and one for the run as
 * a whole (failed with the run-level reasons, e.g. an incomplete run), so a CI test reporter shows the verdict.
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
