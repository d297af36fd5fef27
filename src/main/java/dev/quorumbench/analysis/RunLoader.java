package dev.quorumbench.analysis;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.client.Outcome;
import dev.quorumbench.record.CycleRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Reads a run directory ({@code runs/<campaign-id>/}) into {@link RunData}. Missing per-fault files and a
 * missing {@code jmh-result.json} are tolerated (an interrupted run); a missing directory or
 * {@code campaign.json}, or a malformed file, is an {@link InvalidInputException} with a one-line message.
 */
public final class RunLoader {

    /** File names of the run-dir contract. */
    public static final String CAMPAIGN = "campaign.json";
    public static final String JMH_RESULT = "jmh-result.json";

    private RunLoader() {
    }

    public static String jsonlName(String fault) {
        return "phase4-" + fault + ".jsonl";
    }

    public static String hlogName(String fault) {
        return "latency-" + fault + ".hlog";
    }

    public static String hgrmName(String fault) {
        return "latency-" + fault + ".hgrm";
    }

    /** Loads every file analysis uses from {@code runDir}. */
    public static RunData load(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new InvalidInputException("no run directory at " + runDir);
        }
        Path campaignFile = runDir.resolve(CAMPAIGN);
        if (!Files.isRegularFile(campaignFile)) {
            throw new InvalidInputException("no " + CAMPAIGN + " in " + runDir + " (not a run directory)");
        }
        CampaignInfo campaign = CampaignReader.read(campaignFile);
        Map<String, FaultData> faults = new LinkedHashMap<>();
        for (String fault : campaign.faults()) {
            faults.put(fault, loadFault(runDir, fault));
        }
        Path jmhFile = runDir.resolve(JMH_RESULT);
        JmhResult jmh = Files.isRegularFile(jmhFile) ? JmhResultReader.parse(JMH_RESULT, read(jmhFile)) : null;
        return new RunData(runDir, campaign, Collections.unmodifiableMap(faults), jmh);
    }

    private static FaultData loadFault(Path runDir, String fault) {
        Path jsonl = runDir.resolve(jsonlName(fault));
        List<CycleRecord> cycles = List.of();
        boolean jsonlTruncated = false;
        if (Files.isRegularFile(jsonl)) {
            CycleLogReader.Parsed p = CycleLogReader.parse(jsonlName(fault), fault, read(jsonl));
            cycles = p.cycles();
            jsonlTruncated = p.truncated();
        }
        Path hlog = runDir.resolve(hlogName(fault));
        Map<Outcome, Histogram> histograms;
        List<LatencyInterval> intervals = List.of();
        boolean hlogTruncated = false;
        if (Files.isRegularFile(hlog)) {
            LatencyLogReader.Parsed p = LatencyLogReader.parse(hlogName(fault), read(hlog));
            histograms = p.histograms();
            intervals = p.intervals();
            hlogTruncated = p.truncated();
        } else {
            Map<Outcome, Histogram> empty = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                empty.put(o, LatencyHistograms.empty());
            }
            histograms = Collections.unmodifiableMap(empty);
        }
        return new FaultData(fault, cycles, Files.isRegularFile(jsonl), jsonlTruncated, Files.isRegularFile(hlog),
                hlogTruncated, histograms, intervals);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException(file.getFileName() + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
