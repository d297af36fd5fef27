package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** Parses a subcommand's arguments with Commons CLI, turning every parse error into a one-line input error. */
final class CommandLines {

    private CommandLines() {
    }

    /**
     * {@code args} parsed against {@code options}; an error names what is wrong and, if given, where help is.
     * An option given twice is refused unless its help says it is repeatable: Commons CLI would silently keep
     * the first value, so {@code --cycles 5 --cycles 500} would run 5 cycles.
     */
    static CommandLine parse(Options options, String[] args, String helpHint) {
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            throw new InvalidInputException(e.getMessage() + (helpHint == null ? "" : " (see " + helpHint + ")"));
        }
        Set<String> seen = new HashSet<>();
        for (Option o : cl.getOptions()) {
            String name = o.getLongOpt() != null ? o.getLongOpt() : o.getOpt();
            if (!seen.add(name) && !repeatable(o)) {
                throw new InvalidInputException("--" + name + " is given more than once; give it once"
                        + (helpHint == null ? "" : " (see " + helpHint + ")"));
            }
        }
        return cl;
    }

    /** The help text is the contract: an option documented as repeatable may be given more than once. */
    private static boolean repeatable(Option o) {
        return o.getDescription() != null && o.getDescription().toLowerCase(Locale.ROOT).contains("repeatable");
    }

    /**
     * Creates {@code dir} if needed and checks it is a writable directory, so an unwritable output path is bad
     * input (exit 2, one line) before any work, not an I/O failure of the harness (exit 4) after it.
     */
    static Path writableDirectory(Path dir, String what) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException(what + " " + dir + ": cannot create the directory ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new InvalidInputException(what + " " + dir + ": not a writable directory");
        }
        return dir;
    }

    /** Refuses positional arguments where a command takes none. */
    static void noPositionalArguments(CommandLine cl) {
        if (!cl.getArgList().isEmpty()) {
            throw new InvalidInputException("unexpected argument '" + cl.getArgList().get(0) + "'");
        }
    }
}
