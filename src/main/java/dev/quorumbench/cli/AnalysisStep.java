package dev.quorumbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** Analyses a finished (or interrupted) run directory and prints the summary; returns the exit code. */
final class AnalysisStep {
    private AnalysisStep() {
    }

    static int analyze(Path runDir, PrintStream out, PrintStream err) {
        err.println("quorumbench: analysis not merged yet; raw files in " + runDir);
        return ExitCode.OK;
    }
}
