package dev.quorumbench.cli;

import java.io.PrintStream;

/** Placeholder until the run subcommand lands; says so and exits with the harness error code. */
final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "(not built yet)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        err.println("quorumbench run: not built yet");
        return ExitCode.HARNESS;
    }
}
