package dev.quorumbench.cli;

import java.io.PrintStream;

/** Placeholder until the report subcommand lands; says so and exits with the harness error code. */
final class ReportCommand implements Command {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "(not built yet)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        err.println("quorumbench report: not built yet");
        return ExitCode.HARNESS;
    }
}
