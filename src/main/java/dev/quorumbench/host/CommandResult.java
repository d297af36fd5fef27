package dev.quorumbench.host;

/**
 * How a finished command ended on a host.
 *
 * @param exit   its exit code
 * @param output its stdout and stderr, combined and stripped
 */
public record CommandResult(int exit, String output) {

    public CommandResult {
        output = output == null ? "" : output;
    }

    public boolean ok() {
        return exit == 0;
    }

    /** The first line of the output, for one-line error messages. */
    public String firstLine() {
        return output.lines().findFirst().orElse("(no output)");
    }
}
