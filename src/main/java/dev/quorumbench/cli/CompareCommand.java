package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.analysis.compare.CompareSettings;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.MinEffectOption;
import dev.quorumbench.analysis.compare.RunComparison;
import dev.quorumbench.analysis.compare.Verdict;
import dev.quorumbench.analysis.render.CompareJson;
import dev.quorumbench.analysis.render.CompareMarkdown;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code compare runs/<base> runs/<head>}: per fault class and metric, improved / unchanged / regressed /
 * inconclusive; exit 3 when anything regressed.
 */
final class CompareCommand implements Command {

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "compare two runs per fault class and metric; exit 3 on a regression";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options options = options();
        CommandLine cl = CommandLines.parse(options, args, "compare --help");
        if (cl.hasOption("help")) {
            help(options, out);
            return ExitCode.OK;
        }
        List<String> rest = cl.getArgList();
        if (rest.size() != 2) {
            throw new InvalidInputException("expected two run directories, e.g. compare runs/<base> runs/<head> (got "
                    + rest.size() + ")");
        }
        String format = cl.getOptionValue("format", "md");
        if (!format.equals("md") && !format.equals("json")) {
            throw new InvalidInputException("--format must be md or json, got '" + format + "'");
        }
        Comparison c = RunComparison.compare(Path.of(rest.get(0)), Path.of(rest.get(1)), settings(cl));
        String text = format.equals("json") ? CompareJson.render(c) : CompareMarkdown.render(c);
        if (cl.hasOption("out")) {
            Path file = Path.of(cl.getOptionValue("out"));
            write(file, text);
            out.println((c.regressed() ? "regression" : "no regression") + ": " + counts(c) + "; wrote " + file);
        } else {
            out.print(text);
        }
        return c.regressed() ? ExitCode.REGRESSION : ExitCode.OK;
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
        String[] effects = cl.getOptionValues("min-effect");
        if (effects != null) {
            for (String e : effects) {
                s = MinEffectOption.apply(s, e);
            }
        }
        return s;
    }

    private static String counts(Comparison c) {
        StringBuilder b = new StringBuilder();
        for (Verdict v : Verdict.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(c.count(v)).append(' ').append(v.word());
        }
        return b.toString();
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
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
        addVerdictOptions(o);
        return o;
    }

    /** --min-effect, --alpha and --help, shared with report's --baseline comparison. */
    static void addVerdictOptions(Options o) {
        o.addOption(Option.builder().longOpt("min-effect").hasArg().argName("METRIC=VALUE")
                .desc("minimum effect of a metric or group (convergence, lost, counts, latency, time); VALUE is "
                        + "absolute in the metric's unit, N% relative, or both: latency=15%,1. Repeatable.").build());
        o.addOption(Option.builder().longOpt("alpha").hasArg().argName("P")
                .desc("significance level of the Mann-Whitney U test (default 0.05)").build());
        o.addOption(Option.builder("h").longOpt("help").desc("print this help").build());
    }

    private static void help(Options options, PrintStream out) {
        PrintWriter w = new PrintWriter(out);
        new HelpFormatter().printHelp(w, 100,
                "java -jar target/benchmarks.jar compare BASE_RUN_DIR HEAD_RUN_DIR [options]",
                "Compares head with base per fault class: convergence, lost writes, fail and quorum_not_met counts, "
                        + "latency of acknowledged writes (p50 p90 p99 p99.9 max), time to converge, recovery time.",
                options, 2, 2, "Minimum effects: " + CompareMarkdown.minEffects(CompareSettings.defaults())
                        + ".\nExit: 0 no regression, 3 a regression, 2 bad or incompatible input.");
        w.flush();
    }
}
