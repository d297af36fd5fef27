package dev.quorumbench.cli;

import java.io.PrintStream;

/** Placeholder until the compare subcommand lands; says so and exits with the harness error code. */
final class CompareCommand implements Command {
    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "(not built yet)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        err.println("quorumbench compare: not built yet");
        return ExitCode.HARNESS;
    }
}
