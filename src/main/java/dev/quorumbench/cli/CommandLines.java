package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
            cl = new DefaultParser().parse(options, attachValues(options, args));
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

    /**
     * {@code args} with "--opt -x" written "--opt=-x" where --opt takes a value and -x is none of our options:
     * Commons CLI reads a value that starts with "-" as an unknown option ({@code --node-args -t} would fail),
     * while a forgotten value before a real option ({@code --faults --cycles 3}) still fails as a missing one.
     */
    static String[] attachValues(Options options, String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && !a.contains("=") && i + 1 < args.length && args[i + 1].startsWith("-")
                    && !args[i + 1].equals("--") && !known(options, args[i + 1])) {
                Option o = options.getOption(a.substring(2));
                if (o != null && a.substring(2).equals(o.getLongOpt()) && o.hasArg()) {
                    out.add(a + "=" + args[++i]);
                    continue;
                }
            }
            out.add(a);
        }
        return out.toArray(String[]::new);
    }

    private static boolean known(Options options, String token) {
        String name = token.startsWith("--") ? token.substring(2) : token.substring(1);
        int eq = name.indexOf('=');
        return options.hasOption(eq < 0 ? name : name.substring(0, eq));
    }

    /** Refuses positional arguments where a command takes none. */
    static void noPositionalArguments(CommandLine cl) {
        if (!cl.getArgList().isEmpty()) {
            throw new InvalidInputException("unexpected argument '" + cl.getArgList().get(0) + "'");
        }
    }
}
