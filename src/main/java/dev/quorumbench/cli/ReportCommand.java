package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.analysis.render.Evidence;
import dev.quorumbench.analysis.render.EvidenceReport;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code report runs/<id> [--baseline runs/<base>] [--out analysis/<name>]}: release-notes.md, percentile and
 * timeline plots (PNG and SVG) and a self-contained index.html.
 */
final class ReportCommand implements Command {

    /** Where reports go when --out is not given: analysis/&lt;campaign-id&gt;/. */
    static final Path DEFAULT_PARENT = Path.of("analysis");

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "write release notes, percentile and timeline plots and one HTML page for a run";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("baseline").hasArg().argName("RUN_DIR")
                .desc("overlay this run on the plots and add the compare table").build());
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("output directory (default analysis/<campaign-id>)").build());
        options.addOption(Option.builder().longOpt("image-base-url").hasArg().argName("URL")
                .desc("prefix of the image links in release-notes.md, where the PNG files will be served (e.g. "
                        + "https://github.com/OWNER/REPO/releases/download/TAG); default: links relative to the notes")
                .build());
        CompareCommand.addVerdictOptions(options);
        CommandLine cl = CommandLines.parse(options, args, "report --help");
        if (cl.hasOption("help")) {
            help(options, out);
            return ExitCode.OK;
        }
        List<String> rest = cl.getArgList();
        if (rest.size() != 1) {
            throw new InvalidInputException("expected one run directory, e.g. report runs/<campaign-id> (got "
                    + rest.size() + ")");
        }
        String imageBase = cl.hasOption("image-base-url") ? imageBaseUrl(cl.getOptionValue("image-base-url")) : null;
        // Plots are drawn with AWT; a server or CI job has no display.
        System.setProperty("java.awt.headless", "true");
        Path baseline = cl.hasOption("baseline") ? Path.of(cl.getOptionValue("baseline")) : null;
        Evidence evidence = EvidenceReport.load(Path.of(rest.get(0)), baseline, CompareCommand.settings(cl));
        Path outDir = cl.hasOption("out") ? Path.of(cl.getOptionValue("out"))
                : DEFAULT_PARENT.resolve(evidence.report().campaignId());
        CommandLines.writableDirectory(outDir, "--out");
        List<Path> files = EvidenceReport.write(evidence, outDir, imageBase);
        out.println("wrote " + files.size() + " files to " + outDir + ": " + String.join(", ",
                files.stream().map(f -> f.getFileName().toString()).toList()));
        return ExitCode.OK;
    }

    /** An absolute http(s) URL without a trailing slash; anything else would make links that break when pasted. */
    static String imageBaseUrl(String value) {
        String v = value.strip();
        if (!v.matches("https?://[^\\s\"<>()]+")) {
            throw new InvalidInputException("--image-base-url wants an absolute http(s) URL without spaces, got '"
                    + value + "'");
        }
        return v.replaceAll("/+$", "");
    }

    private static void help(Options options, PrintStream out) {
        PrintWriter w = new PrintWriter(out);
        new HelpFormatter().printHelp(w, 100, "java -jar target/benchmarks.jar report RUN_DIR [--baseline RUN_DIR] "
                        + "[--out DIR] [--image-base-url URL]",
                "Writes release-notes.md, percentile-<fault>.png/.svg, timeline.png/.svg and a self-contained "
                        + "index.html. --min-effect, --alpha, --allow-different and --gate-metrics tune the baseline"
                        + " comparison as in compare.",
                options, 2, 2, "Exit: 0 written (whatever the run's verdict; compare is the gate), 2 bad input.");
        w.flush();
    }
}
