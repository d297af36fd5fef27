package dev.quorumbench.cli;

/** The exit codes every subcommand shares; README.md documents them. */
public final class ExitCode {
    /** Every fault class passed / no regression / command done. */
    public static final int OK = 0;
    /** A fault class failed its criteria. */
    public static final int FAILED = 1;
    /** Bad usage or input: one line on stderr, nothing recorded is lost. */
    public static final int USAGE = 2;
    /** compare found a regression. */
    public static final int REGRESSION = 3;
    /** The harness could not run (target did not start, JMH fork crashed). */
    public static final int HARNESS = 4;
    /** compare --gate strict: nothing regressed, but a metric is inconclusive (too little evidence to pass). */
    public static final int INCONCLUSIVE = 5;

    private ExitCode() {
    }
}
