package dev.quorumbench.analysis;

import dev.quorumbench.run.AtomicFiles;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the analysis outputs of a run: {@code phase4.json}, {@code report.md} and one
 * {@code latency-<fault>.hgrm} per fault class (all outcomes merged, milliseconds) with one
 * {@code latency-<fault>-<outcome>.hgrm} per outcome, since tables and plots show acknowledged writes apart. Each file is written to a
 * temporary name and moved into place, so a reader never sees half a file.
 */
public final class Phase4Files {

    private Phase4Files() {
    }

    /** Loads and analyzes {@code runDir}, writes the outputs into {@code outDir} and returns the report. */
    public static Phase4Report analyzeAndWrite(Path runDir, Path outDir) throws IOException {
        RunData data = RunLoader.load(runDir, false);
        Phase4Report report = Phase4Analysis.analyze(data);
        write(outDir, data, report);
        return report;
    }

    /** Writes the outputs of {@code report} (and the histograms of {@code data}) into {@code outDir}. */
    public static List<Path> write(Path outDir, RunData data, Phase4Report report) throws IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        written.add(AtomicFiles.write(outDir.resolve(RunFiles.PHASE4_JSON), Phase4Json.render(report)));
        written.add(AtomicFiles.write(outDir.resolve(RunFiles.REPORT_MD), ReportMarkdown.render(report)));
        for (FaultData fd : data.faults().values()) {
            if (fd.hlogPresent()) {
                written.add(AtomicFiles.write(RunFiles.histogram(outDir, fd.fault()),
                        HgrmWriter.render(fd.allOutcomes())));
                // Every outcome, even an empty one, so a re-analysis never leaves a stale file of an earlier run.
                for (Outcome o : Outcome.values()) {
                    written.add(AtomicFiles.write(RunFiles.histogram(outDir, fd.fault(), o),
                            HgrmWriter.render(fd.histograms().get(o))));
                }
            }
        }
        return written;
    }
}
