package dev.quorumbench.cli;

import java.io.PrintStream;

/** Placeholder until the node subcommand lands; says so and exits with the harness error code. */
final class NodeCommand implements Command {
    @Override
    public String name() {
        return "node";
    }

    @Override
    public String summary() {
        return "(not built yet)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        err.println("quorumbench node: not built yet");
        return ExitCode.HARNESS;
    }
}
