package dev.quorumbench.analysis;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.RunFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * Reads a run directory ({@code runs/<campaign-id>/}) into {@link RunData}. Missing per-fault files and a
 * missing {@code jmh-result.json} are tolerated (an interrupted run); a missing directory or
 * {@code campaign.json}, or a malformed file, is an {@link InvalidInputException} with a one-line message.
 */
public final class RunLoader {

    private RunLoader() {
    }

    /** Loads every file analysis uses from {@code runDir}, with every .hlog interval (for timelines). */
    public static RunData load(Path runDir) {
        return load(runDir, true);
    }

    /**
     * Loads {@code runDir}; with {@code keepIntervals} false, {@link FaultData#intervals()} is empty and only the
     * merged histograms are kept, which is all {@link Phase4Analysis} needs and much lighter on memory.
     */
    public static RunData load(Path runDir, boolean keepIntervals) {
        if (!Files.isDirectory(runDir)) {
            throw new InvalidInputException("no run directory at " + runDir);
        }
        Path campaignFile = RunFiles.campaignJson(runDir);
        if (!Files.isRegularFile(campaignFile)) {
            throw new InvalidInputException("no " + RunFiles.CAMPAIGN_JSON + " in " + runDir + " (not a run directory)");
        }
        CampaignSpec campaign = CampaignJson.read(campaignFile);
        Map<FaultClass, FaultData> faults = loadFaults(runDir, campaign, keepIntervals);
        Path jmhFile = RunFiles.jmhResult(runDir);
        // JMH creates its result file when it starts and fills it only when every fork ended: an empty file is
        // an interrupted or failed run, the same as a missing one.
        String jmhText = Files.isRegularFile(jmhFile)
                ? read(checkSize(jmhFile, RunSizeLimits.maxJmhResultBytes(campaign), campaign)) : "";
        JmhResult jmh = jmhText.isBlank() ? null : JmhResultReader.parse(RunFiles.JMH_RESULT, jmhText);
        return new RunData(runDir, campaign, Collections.unmodifiableMap(faults), jmh);
    }

    /**
     * The classes' files are independent, so they are read on two threads (this machine has two cores, and a
     * 1,000,000-write run spends seconds decoding its .hlog intervals); the result is in campaign order whatever
     * finishes first, and the first class's error in that order is the one thrown, as it was read one by one.
     */
    private static Map<FaultClass, FaultData> loadFaults(Path runDir, CampaignSpec campaign, boolean keepIntervals) {
        Map<FaultClass, FaultData> faults = new LinkedHashMap<>();
        if (campaign.faults().size() < 2) {
            for (FaultClass fault : campaign.faults()) {
                faults.put(fault, loadFault(runDir, campaign, fault, keepIntervals));
            }
            return faults;
        }
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS, r -> {
            Thread t = new Thread(r, "run-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<FaultClass, Future<FaultData>> pending = new LinkedHashMap<>();
            for (FaultClass fault : campaign.faults()) {
                pending.put(fault, pool.submit(() -> loadFault(runDir, campaign, fault, keepIntervals)));
            }
            for (Map.Entry<FaultClass, Future<FaultData>> e : pending.entrySet()) {
                faults.put(e.getKey(), result(e.getValue()));
            }
            return faults;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Threads reading classes at once: the machines this runs on have two cores. */
    private static final int LOAD_THREADS = 2;

    /** The loaded class, or what its reading threw, unwrapped so the message stays the one line it was. */
    private static FaultData result(Future<FaultData> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the run's files", e);
        }
    }

    private static FaultData loadFault(Path runDir, CampaignSpec campaign, FaultClass fault, boolean keepIntervals) {
        Path jsonl = RunFiles.cycleLog(runDir, fault);
        List<CycleRecord> cycles = List.of();
        boolean jsonlTruncated = false;
        if (Files.isRegularFile(jsonl)) {
            checkSize(jsonl, RunSizeLimits.maxCycleLogBytes(campaign), campaign);
            try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
                CycleLogReader.Parsed p = CycleLogReader.parse(RunFiles.cycleLogName(fault), fault, in,
                        RunSizeLimits.maxLineBytes(campaign.writes()));
                cycles = p.cycles();
                jsonlTruncated = p.truncated();
            } catch (IOException e) {
                throw new InvalidInputException(jsonl.getFileName() + ": cannot read (" + e.getMessage() + ")");
            }
        }
        Path hlog = RunFiles.latencyLog(runDir, fault);
        Map<Outcome, Histogram> histograms;
        List<LatencyInterval> intervals = List.of();
        boolean hlogTruncated = false;
        if (Files.isRegularFile(hlog)) {
            checkSize(hlog, RunSizeLimits.maxLatencyLogBytes(campaign), campaign);
            LatencyLogReader.Parsed p;
            try {
                p = LatencyLogReader.parse(RunFiles.latencyLogName(fault), () -> Files.newInputStream(hlog),
                        keepIntervals);
            } catch (IOException e) {
                throw new InvalidInputException(hlog.getFileName() + ": cannot read (" + e.getMessage() + ")");
            }
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

    /**
     * Refuses a file larger than any run of this campaign could write (RunSizeLimits) before reading it: such a
     * file is not this run's, and reading it could exhaust memory (a 1 GiB JSONL once did).
     */
    private static Path checkSize(Path file, long maxBytes, CampaignSpec campaign) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InvalidInputException(file.getFileName() + ": cannot read (" + e.getMessage() + ")");
        }
        if (size > maxBytes) {
            throw new InvalidInputException(file.getFileName() + ": " + size + " bytes, more than a run of "
                    + campaign.cycles() + " cycles x " + campaign.writes() + " writes can write (" + maxBytes
                    + "); not this run's file");
        }
        return file;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException(file.getFileName() + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
