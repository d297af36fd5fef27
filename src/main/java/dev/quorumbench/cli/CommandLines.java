package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** Parses a subcommand's arguments with Commons CLI, turning every parse error into a one-line input error. */
final class CommandLines {

    private CommandLines() {
    }

    /** {@code args} parsed against {@code options}; an error names what is wrong and, if given, where help is. */
    static CommandLine parse(Options options, String[] args, String helpHint) {
        try {
            return new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            throw new InvalidInputException(e.getMessage() + (helpHint == null ? "" : " (see " + helpHint + ")"));
        }
    }

    /** Refuses positional arguments where a command takes none. */
    static void noPositionalArguments(CommandLine cl) {
        if (!cl.getArgList().isEmpty()) {
            throw new InvalidInputException("unexpected argument '" + cl.getArgList().get(0) + "'");
        }
    }
}
