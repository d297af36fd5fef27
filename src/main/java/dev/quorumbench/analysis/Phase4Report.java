package dev.quorumbench.analysis;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Schedule;
import dev.quorumbench.run.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a campaign, written as {@code phase4.json}: per fault class a {@link FaultSummary}, and the
 * overall verdict (every class passed and the run is complete).
 *
 * @param schemaVersion  version of phase4.json's schema ({@link #SCHEMA_VERSION})
 * @param campaignId     the run's id
 * @param pass           every class passed and the run is complete
 * @param complete       every fault's files are whole with all planned cycles, and jmh-result.json exists
 * @param cyclesPerFault cycles planned per class
 * @param writesPerCycle writes per cycle
 * @param thresholds     the pass criteria used
 * @param schedule       closed or open loop
 * @param faults         per fault class, in campaign order
 * @param reasons        every failed criterion of every class, then run-level ones
 * @param environment    campaign.json's environment plus JMH's JVM facts, sorted by key
 * @param generatedBy    the program that wrote the report
 * @param notRun         fault classes the target declared not applicable, with the reason (campaign.json's
 *                       {@code not_applicable}): not run, so neither passed nor failed
 */
public record Phase4Report(
        int schemaVersion,
        String campaignId,
        boolean pass,
        boolean complete,
        int cyclesPerFault,
        int writesPerCycle,
        Thresholds thresholds,
        Schedule schedule,
        Map<FaultClass, FaultSummary> faults,
        List<String> reasons,
        Map<String, Object> environment,
        String generatedBy,
        Map<FaultClass, String> notRun) {

    public static final int SCHEMA_VERSION = 1;

    public Phase4Report {
        notRun = notRun == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notRun));
    }

    /** A report in which every planned class ran (nothing declared not applicable). */
    public Phase4Report(int schemaVersion, String campaignId, boolean pass, boolean complete, int cyclesPerFault,
                        int writesPerCycle, Thresholds thresholds, Schedule schedule, Map<FaultClass, FaultSummary> faults,
                        List<String> reasons, Map<String, Object> environment, String generatedBy) {
        this(schemaVersion, campaignId, pass, complete, cyclesPerFault, writesPerCycle, thresholds, schedule, faults,
                reasons, environment, generatedBy, Map.of());
    }

    /** "3 of 4 fault classes run" when the target declared some not applicable, else empty. */
    public String classesRun() {
        return notRun.isEmpty() ? "" : faults.size() + " of " + (faults.size() + notRun.size()) + " fault classes run";
    }

    /** Fault → convergence bound (null when the class had no writes), in campaign order. */
    public Map<FaultClass, Double> convergenceByFault() {
        Map<FaultClass, Double> m = new LinkedHashMap<>();
        faults.forEach((f, s) -> m.put(f, s.convergenceBound()));
        return m;
    }
}
