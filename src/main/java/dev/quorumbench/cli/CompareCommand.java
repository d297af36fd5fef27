package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.analysis.compare.CompareSettings;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.GateMetrics;
import dev.quorumbench.analysis.compare.MinEffectOption;
import dev.quorumbench.analysis.compare.RunComparison;
import dev.quorumbench.analysis.compare.RunSettings;
import dev.quorumbench.analysis.render.CompareJson;
import dev.quorumbench.analysis.render.CompareMarkdown;
import dev.quorumbench.run.AtomicFiles;
import dev.quorumbench.run.FaultClass;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code compare runs/<base> runs/<head>} (or several runs a side): per fault class and metric, improved /
 * unchanged / regressed / inconclusive; exit 3 when anything regressed, 5 under {@code --gate strict} when
 * something is inconclusive.
 */
final class CompareCommand implements Command {

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "compare runs (one or several a side) per fault class and metric; exit 3 on a regression";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options options = options();
        // "--" separates the base runs from the head runs; Commons CLI would swallow it, so split first.
        int sep = Arrays.asList(args).indexOf("--");
        String[] before = sep < 0 ? args : Arrays.copyOfRange(args, 0, sep);
        List<String> after = sep < 0 ? List.of() : List.of(args).subList(sep + 1, args.length);
        CommandLine cl = CommandLines.parse(options, before, "compare --help");
        if (cl.hasOption("help")) {
            help(options, out);
            return ExitCode.OK;
        }
        Sides sides = sides(cl, sep >= 0, after);
        String format = cl.getOptionValue("format", "md");
        if (!format.equals("md") && !format.equals("json")) {
            throw new InvalidInputException("--format must be md or json, got '" + format + "'");
        }
        String gate = cl.getOptionValue("gate", "lenient");
        if (!gate.equals("lenient") && !gate.equals("strict")) {
            throw new InvalidInputException("--gate must be lenient or strict, got '" + gate + "'");
        }
        CompareSettings settings = settings(cl).withFaults(faults(cl));
        Comparison c = RunComparison.compare(sides.base(), sides.head(), settings);
        String text = format.equals("json") ? CompareJson.render(c) : CompareMarkdown.render(c);
        if (cl.hasOption("out")) {
            Path file = Path.of(cl.getOptionValue("out"));
            write(file, text);
            out.println(c.outcome().words() + ": " + CompareMarkdown.counts(c) + "; wrote " + file);
        } else {
            out.print(text);
        }
        return exitCode(c.outcome(), gate.equals("strict"));
    }

    /** 3 on a regression; 5 for an inconclusive metric under a strict gate; else 0. */
    static int exitCode(Comparison.Outcome outcome, boolean strict) {
        return switch (outcome) {
            case REGRESSION -> ExitCode.REGRESSION;
            case INCONCLUSIVE -> strict ? ExitCode.INCONCLUSIVE : ExitCode.OK;
            case NO_REGRESSION -> ExitCode.OK;
        };
    }

    /** The base and head run directories of a comparison. */
    record Sides(List<Path> base, List<Path> head) {
    }

    /**
     * The sides from {@code BASE HEAD}, {@code BASE... -- HEAD...} or repeated {@code --base}/{@code --head};
     * one form at a time.
     */
    static Sides sides(CommandLine cl, boolean separated, List<String> after) {
        List<String> rest = cl.getArgList();
        boolean named = cl.hasOption("base") || cl.hasOption("head");
        if (named) {
            if (!rest.isEmpty() || separated) {
                throw new InvalidInputException("give runs either with --base/--head or as positional arguments, not both");
            }
            if (!cl.hasOption("base") || !cl.hasOption("head")) {
                throw new InvalidInputException("--base and --head are both needed (each repeatable)");
            }
            return new Sides(paths(cl.getOptionValues("base")), paths(cl.getOptionValues("head")));
        }
        if (separated) {
            if (rest.isEmpty() || after.isEmpty()) {
                throw new InvalidInputException("expected base runs before -- and head runs after it, e.g. compare"
                        + " runs/a1 runs/a2 -- runs/b1 runs/b2");
            }
            return new Sides(paths(rest.toArray(String[]::new)), paths(after.toArray(String[]::new)));
        }
        if (rest.size() != 2) {
            throw new InvalidInputException("expected two run directories, e.g. compare runs/<base> runs/<head> (got "
                    + rest.size() + "; several runs a side: compare BASE... -- HEAD...)");
        }
        return new Sides(List.of(Path.of(rest.get(0))), List.of(Path.of(rest.get(1))));
    }

    private static List<Path> paths(String[] names) {
        return Arrays.stream(names).map(Path::of).toList();
    }

    /** --faults a,b: the classes to compare, in that order. */
    static List<FaultClass> faults(CommandLine cl) {
        if (!cl.hasOption("faults")) {
            return List.of();
        }
        List<FaultClass> faults = new ArrayList<>();
        for (String name : cl.getOptionValue("faults").split(",")) {
            if (!name.isBlank()) {
                FaultClass f = FaultClass.fromKey(name.trim());
                if (!faults.contains(f)) {
                    faults.add(f);
                }
            }
        }
        if (faults.isEmpty()) {
            throw new InvalidInputException("--faults wants a comma-separated list of fault classes (" + FaultClass.keys()
                    + ")");
        }
        return faults;
    }

    static CompareSettings settings(CommandLine cl) {
        CompareSettings s = CompareSettings.defaults();
        if (cl.hasOption("alpha")) {
            String a = cl.getOptionValue("alpha");
            double alpha;
            try {
                alpha = Double.parseDouble(a);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--alpha must be a number in (0, 1), got '" + a + "'");
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new InvalidInputException("--alpha must be in (0, 1), got " + a);
            }
            s = s.withAlpha(alpha);
        }
        if (cl.hasOption("allow-different")) {
            Set<String> keys = new TreeSet<>();
            for (String values : cl.getOptionValues("allow-different")) {
                for (String k : values.split(",")) {
                    String key = k.trim();
                    if (!RunSettings.keys().contains(key)) {
                        throw new InvalidInputException("--allow-different: unknown setting '" + key + "' (valid: "
                                + String.join(", ", RunSettings.keys()) + ")");
                    }
                    keys.add(key);
                }
            }
            s = s.withAllowDifferent(keys);
        }
        if (cl.hasOption("gate-metrics")) {
            s = s.withGated(GateMetrics.parse(cl.getOptionValue("gate-metrics"), "--gate-metrics"));
        }
        String[] effects = cl.getOptionValues("min-effect");
        if (effects != null) {
            for (String e : effects) {
                s = MinEffectOption.apply(s, e);
            }
        }
        return s;
    }


    private static void write(Path file, String text) {
        try {
            // Atomic: a CI step reading the file never sees half a comparison.
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + " (" + e.getMessage() + ")");
        }
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("format").hasArg().argName("md|json")
                .desc("output format (default md: Markdown for a pull-request comment)").build());
        o.addOption(Option.builder().longOpt("out").hasArg().argName("FILE")
                .desc("write the comparison to FILE instead of stdout").build());
        o.addOption(Option.builder().longOpt("base").hasArg().argName("RUN_DIR")
                .desc("a base run (repeatable; instead of positional BASE HEAD or BASE... -- HEAD...)").build());
        o.addOption(Option.builder().longOpt("head").hasArg().argName("RUN_DIR")
                .desc("a head run (repeatable)").build());
        o.addOption(Option.builder().longOpt("faults").hasArg().argName("LIST")
                .desc("compare only these fault classes, comma-separated (default: every class of the base)").build());
        o.addOption(Option.builder().longOpt("gate").hasArg().argName("lenient|strict")
                .desc("strict: exit 5 when nothing regressed but a metric is inconclusive (default lenient: exit 0)")
                .build());
        addVerdictOptions(o);
        return o;
    }

    /** --min-effect, --alpha and --help, shared with report's --baseline comparison. */
    static void addVerdictOptions(Options o) {
        o.addOption(Option.builder().longOpt("min-effect").hasArg().argName("METRIC=VALUE")
                .desc("minimum effect of a metric or group (convergence, lost, counts, latency, time); VALUE is "
                        + "absolute in the metric's unit, N% relative, or both: latency=15%,1. Repeatable.").build());
        o.addOption(Option.builder().longOpt("alpha").hasArg().argName("P")
                .desc("false discovery rate of the Mann-Whitney U tests, and 1 - the effect interval's level"
                        + " (default 0.05)").build());
        o.addOption(Option.builder().longOpt("allow-different").hasArg().argName("SETTING[,SETTING]")
                .desc("compare although these campaign settings differ in a way that changes what is measured"
                        + " (e.g. node_args,fault_window_ms); the difference is put in the headline. Repeatable.")
                .build());
        o.addOption(Option.builder().longOpt("gate-metrics").hasArg().argName("LIST")
                .desc("the gate's family: metric keys or groups whose verdicts decide the outcome, e.g."
                        + " convergence,lost,counts,latency_p50,time; the others are reported beside it and cannot"
                        + " fail it (default every metric; lost acknowledged writes are always gated)").build());
        o.addOption(Option.builder("h").longOpt("help").desc("print this help").build());
    }

    private static void help(Options options, PrintStream out) {
        PrintWriter w = new PrintWriter(out);
        new HelpFormatter().printHelp(w, 100,
                "java -jar target/benchmarks.jar compare [options] BASE_RUN_DIR HEAD_RUN_DIR | BASE... -- HEAD...",
                "Compares head with base per fault class: convergence, lost writes, fail and quorum_not_met counts, "
                        + "latency of acknowledged writes (p50 p90 p99 p99.9 max), time to converge, recovery time.",
                options, 2, 2, "Units of the test: whole runs when both sides have at least "
                        + CompareSettings.DEFAULT_MIN_UNITS + " runs, else blocks of cycles (run-to-run noise not"
                        + " absorbed: give at least 5 runs a side for a gate you trust).\nMinimum effects: "
                        + CompareMarkdown.minEffects(CompareSettings.defaults())
                        + ".\nExit: 0 no regression (or inconclusive, lenient gate), 3 a regression, 5 inconclusive"
                        + " under --gate strict, 2 bad or incompatible input (a refused setting difference too).");
        w.flush();
    }
}
