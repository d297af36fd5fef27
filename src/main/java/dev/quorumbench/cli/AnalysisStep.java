package dev.quorumbench.cli;

import dev.quorumbench.analysis.Phase4Analysis;
import dev.quorumbench.analysis.Phase4Files;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.RunLoader;
import dev.quorumbench.analysis.SummaryTable;
import dev.quorumbench.run.RunFiles;
import dev.quorumbench.run.UnsafeSettings;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The analysis that ends {@code run} and is all of {@code analyze}: files in, phase4.json / report.md / .hgrm (and
 * the CI files asked for) out,
 * the one-screen summary printed, the exit code chosen from the verdict.
 */
final class AnalysisStep {

    private AnalysisStep() {
    }

    static int analyze(Path runDir, Path outDir, PrintStream out) throws java.io.IOException {
        return analyze(runDir, outDir, CiOutputs.NONE, out);
    }

    /** As {@link #analyze(Path, Path, PrintStream)}, also writing the CI files asked for. */
    static int analyze(Path runDir, Path outDir, CiOutputs ci, PrintStream out) throws java.io.IOException {
        Phase4Report report = report(runDir, outDir, out);
        for (Path p : ci.write(report)) {
            out.println("wrote " + p);
        }
        return report.pass() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** The analysis without the CI files and exit code: for an interleaved campaign's arms, judged together. */
    static Phase4Report report(Path runDir, Path outDir, PrintStream out) throws java.io.IOException {
        RunData data = RunLoader.load(runDir, false); // intervals are for timelines (report), not needed here
        Phase4Report report = Phase4Analysis.analyze(data);
        Phase4Files.write(outDir, data, report);
        out.print(SummaryTable.render(report));
        // The numbers above may be of a store altered on purpose or of faults not injected: say so where they are read.
        for (String unsafe : UnsafeSettings.of(data.campaign())) {
            out.println("UNSAFE: " + UnsafeSettings.plain(unsafe));
        }
        out.println("wrote " + RunFiles.PHASE4_JSON + ", " + RunFiles.REPORT_MD + " and latency-<fault>.hgrm to "
                + outDir);
        return report;
    }
}
