package dev.quorumbench.cli;

import java.io.PrintStream;

/** Placeholder until the analyze subcommand lands; says so and exits with the harness error code. */
final class AnalyzeCommand implements Command {
    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "(not built yet)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        err.println("quorumbench analyze: not built yet");
        return ExitCode.HARNESS;
    }
}
