package dev.quorumbench.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the analysis outputs of a run: {@code phase4.json}, {@code report.md} and one
 * {@code latency-<fault>.hgrm} per fault class (all outcomes merged, milliseconds). Each file is written to a
 * temporary name and moved into place, so a reader never sees half a file.
 */
public final class Phase4Files {

    public static final String PHASE4_JSON = "phase4.json";
    public static final String REPORT_MD = "report.md";

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
        written.add(writeAtomically(outDir.resolve(PHASE4_JSON), Phase4Json.render(report)));
        written.add(writeAtomically(outDir.resolve(REPORT_MD), ReportMarkdown.render(report)));
        for (FaultData fd : data.faults().values()) {
            if (fd.hlogPresent()) {
                written.add(writeAtomically(outDir.resolve(RunLoader.hgrmName(fd.fault())),
                        HgrmWriter.render(fd.allOutcomes())));
            }
        }
        return written;
    }

    private static Path writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
