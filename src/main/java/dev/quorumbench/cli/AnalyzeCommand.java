package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code analyze runs/<id> [--out DIR]}: rebuilds phase4.json, report.md and the .hgrm files from a run's files. */
final class AnalyzeCommand implements Command {

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "rebuild phase4.json, report.md and latency-<fault>.hgrm from a run directory's files";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("write the outputs here instead of into the run directory").build());
        CiOutputs.addTo(options);
        options.addOption(Option.builder("h").longOpt("help").desc("print this help").build());
        CommandLine cl = CommandLines.parse(options, args, "analyze --help");
        if (cl.hasOption("help")) {
            help(options, out);
            return ExitCode.OK;
        }
        List<String> rest = cl.getArgList();
        if (rest.size() != 1) {
            throw new InvalidInputException("expected one run directory, e.g. analyze runs/<campaign-id> (got "
                    + rest.size() + ")");
        }
        Path runDir = Path.of(rest.get(0));
        Path outDir = cl.hasOption("out") ? Path.of(cl.getOptionValue("out")) : runDir;
        return AnalysisStep.analyze(runDir, outDir, CiOutputs.from(cl), out);
    }

    private static void help(Options options, PrintStream out) {
        PrintWriter w = new PrintWriter(out);
        new HelpFormatter().printHelp(w, 100, "java -jar target/benchmarks.jar analyze RUN_DIR [--out DIR] [--junit FILE] [--bmf FILE] [--benchmark-json FILE]",
                "Rebuilds phase4.json, report.md and latency-<fault>.hgrm from campaign.json, phase4-<fault>.jsonl, "
                        + "latency-<fault>.hlog and jmh-result.json, and prints the summary.", options, 2, 2,
                "Exit: 0 every class passed, 1 a class failed or the run is incomplete, 2 bad input.");
        w.flush();
    }
}
