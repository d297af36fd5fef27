package dev.quorumbench.cli;

import java.io.PrintStream;

/** One subcommand of benchmarks.jar. Only cli classes print to the user and choose exit codes. */
interface Command {

    /** The word that selects this command, e.g. {@code compare}. */
    String name();

    /** One line for the top-level help. */
    String summary();

    /** Runs the command and returns its exit code (see {@link ExitCode}). */
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
