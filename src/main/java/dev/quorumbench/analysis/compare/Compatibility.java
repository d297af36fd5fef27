package dev.quorumbench.analysis.compare;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.FaultClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses to compare runs whose numbers do not mean the same thing: a fault class missing from a run, or a
 * setting that changes what is measured (fault window, mechanisms, node args, writes…) differing between or within
 * the sides without {@code --allow-different}. Other cycle counts are fine: the test compares per-cycle values.
 * Each message is one line naming the difference.
 */
public final class Compatibility {

    private Compatibility() {
    }

    /**
     * The fault classes to compare: {@code selected} when given, which every run must have; else the first base
     * run's, which every run must have exactly.
     */
    public static List<FaultClass> faults(List<RunSamples> base, List<RunSamples> head, List<FaultClass> selected) {
        if (!selected.isEmpty()) {
            for (RunSamples r : concat(base, head)) {
                for (FaultClass f : selected) {
                    if (r.fault(f) == null) {
                        throw new InvalidInputException("run " + r.header().campaignId() + " has no fault class " + f
                                + " (it has " + r.faultClasses() + ")");
                    }
                }
            }
            return selected;
        }
        List<FaultClass> wanted = base.get(0).faultClasses();
        for (RunSamples r : concat(base, head)) {
            if (!Set.copyOf(r.faultClasses()).equals(Set.copyOf(wanted))) {
                throw new InvalidInputException("incompatible runs: different fault classes (" + base.get(0).header()
                        .campaignId() + " " + sorted(wanted) + ", " + r.header().campaignId() + " "
                        + sorted(r.faultClasses()) + "); --faults compares the classes they share");
            }
        }
        return wanted;
    }

    /**
     * The settings that differ between the first base and the first head run. Throws when a difference that
     * changes what is measured was not allowed, or when runs of one side differ among themselves.
     */
    public static List<RunSettings.Difference> differences(List<RunSamples> base, List<RunSamples> head,
            Set<String> allowed, List<FaultClass> faults) {
        sameWithin("base", base, allowed, faults);
        sameWithin("head", head, allowed, faults);
        List<RunSettings.Difference> d = RunSettings.differences(settings(base.get(0), faults),
                settings(head.get(0), faults));
        List<RunSettings.Difference> refused = RunSettings.refused(d, allowed);
        if (!refused.isEmpty()) {
            RunSettings.Difference r = refused.get(0);
            throw new InvalidInputException("base and head differ in " + r.key() + " (" + r.base() + " vs " + r.head()
                    + "), which changes what is measured; --allow-different " + keys(refused) + " compares anyway");
        }
        return d;
    }

    private static Map<String, String> settings(RunSamples run, List<FaultClass> faults) {
        return RunSettings.restrict(run.header().settings(), faults);
    }

    private static void sameWithin(String side, List<RunSamples> runs, Set<String> allowed, List<FaultClass> faults) {
        for (RunSamples r : runs.subList(1, runs.size())) {
            List<RunSettings.Difference> refused = RunSettings.refused(RunSettings.differences(
                    settings(runs.get(0), faults), settings(r, faults)), allowed);
            if (!refused.isEmpty()) {
                RunSettings.Difference d = refused.get(0);
                throw new InvalidInputException("the " + side + " runs differ in " + d.key() + " (" + d.base()
                        + " in " + runs.get(0).header().campaignId() + ", " + d.head() + " in "
                        + r.header().campaignId() + "): a side's runs must measure the same thing");
            }
        }
    }

    private static String keys(List<RunSettings.Difference> d) {
        return String.join(",", d.stream().map(RunSettings.Difference::key).toList());
    }

    private static List<String> sorted(List<FaultClass> faults) {
        return faults.stream().map(FaultClass::key).sorted().toList();
    }

    private static List<RunSamples> concat(List<RunSamples> a, List<RunSamples> b) {
        List<RunSamples> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
