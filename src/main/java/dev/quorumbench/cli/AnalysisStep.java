package dev.quorumbench.cli;

import dev.quorumbench.analysis.Phase4Analysis;
import dev.quorumbench.analysis.Phase4Files;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.RunLoader;
import dev.quorumbench.analysis.SummaryTable;
import dev.quorumbench.run.RunFiles;
import dev.quorumbench.run.UnsafeNodeArgs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

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
        RunData data = RunLoader.load(runDir, false); // intervals are for timelines (report), not needed here
        Phase4Report report = Phase4Analysis.analyze(data);
        Phase4Files.write(outDir, data, report);
        out.print(SummaryTable.render(report));
        List<String> unsafe = UnsafeNodeArgs.of(data.campaign().nodeArgs());
        if (!unsafe.isEmpty()) {
            // The numbers above are of a store altered on purpose: say so where they are read.
            out.println("UNSAFE node flags: " + String.join(" ", unsafe) + " (the store was slowed or broken on purpose)");
        }
        out.println("wrote " + RunFiles.PHASE4_JSON + ", " + RunFiles.REPORT_MD + " and latency-<fault>.hgrm to "
                + outDir);
        for (Path p : ci.write(report)) {
            out.println("wrote " + p);
        }
        return report.pass() ? ExitCode.OK : ExitCode.FAILED;
    }
}
