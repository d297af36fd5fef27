package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Entry point of benchmarks.jar: dispatches to a subcommand; with no subcommand it runs the campaign. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one invocation and returns its exit code; never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        Command command;
        String[] rest;
        if (args.length > 0 && commands.containsKey(args[0])) {
            command = commands.get(args[0]);
            rest = Arrays.copyOfRange(args, 1, args.length);
        } else if (args.length > 0 && args[0].equals("help")) {
            printHelp(out, commands);
            return ExitCode.OK;
        } else if (args.length > 0 && (args[0].equals("--version") || args[0].equals("version"))) {
            out.println(BuildInfo.current());
            return ExitCode.OK;
        } else if (args.length > 0 && !args[0].startsWith("-") && JmhFlagHint.forFirstArg(args[0]).isPresent()) {
            err.println("quorumbench: " + JmhFlagHint.forFirstArg(args[0]).get());
            return ExitCode.USAGE;
        } else if (args.length > 0 && !args[0].startsWith("-")) {
            err.println("quorumbench: unknown command '" + args[0] + "' (commands: "
                    + String.join(", ", commands.keySet()) + ")");
            return ExitCode.USAGE;
        } else {
            command = commands.get("run");
            rest = args;
        }
        if (command instanceof RunCommand && JmhFlagHint.forRunArgs(rest).isPresent()) {
            err.println("quorumbench run: " + JmhFlagHint.forRunArgs(rest).get());
            return ExitCode.USAGE;
        }
        try {
            return command.run(rest, out, err);
        } catch (InvalidInputException e) {
            err.println("quorumbench " + command.name() + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (Exception e) {
            err.println("quorumbench " + command.name() + ": " + oneLine(e));
            return ExitCode.HARNESS;
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }

    private static Map<String, Command> commands() {
        Map<String, Command> c = new LinkedHashMap<>();
        for (Command cmd : new Command[] {
                new RunCommand(), new AnalyzeCommand(), new CompareCommand(), new ReportCommand(), new NodeCommand(),
                new ClusterCommand()}) {
            c.put(cmd.name(), cmd);
        }
        return c;
    }

    private static void printHelp(PrintStream out, Map<String, Command> commands) {
        out.println("usage: java -jar target/benchmarks.jar [run] [options]   (run the Phase-4 campaign)");
        out.println("       java -jar target/benchmarks.jar <command> [options]");
        out.println();
        for (Command c : commands.values()) {
            out.printf("  %-8s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("'<command> --help' lists a command's options; --version prints the version and commit.");
    }
}
