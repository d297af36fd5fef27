package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.ci.BencherMetrics;
import dev.quorumbench.analysis.ci.BenchmarkActionEntries;
import dev.quorumbench.analysis.ci.JunitReport;
import dev.quorumbench.analysis.ci.JunitXml;
import dev.quorumbench.run.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The CI files {@code run} and {@code analyze} write on request ({@code --junit}, {@code --bmf},
 * {@code --benchmark-json}): one place for the options and the writing, so both commands offer the same.
 *
 * @param junit         JUnit XML file, or null
 * @param bmf           Bencher Metric Format JSON file, or null
 * @param benchmarkJson github-action-benchmark customSmallerIsBetter JSON file, or null
 */
record CiOutputs(Path junit, Path bmf, Path benchmarkJson) {

    static final CiOutputs NONE = new CiOutputs(null, null, null);

    /** Adds the three options to a command's options. */
    static void addTo(Options o) {
        o.addOption(Option.builder().longOpt("junit").hasArg().argName("FILE")
                .desc("also write the verdict as JUnit XML (a test case per fault class) for CI test reporters").build());
        o.addOption(Option.builder().longOpt("bmf").hasArg().argName("FILE")
                .desc("also write per-class latency p50/p99 and convergence bound as Bencher Metric Format JSON").build());
        o.addOption(Option.builder().longOpt("benchmark-json").hasArg().argName("FILE")
                .desc("also write them as github-action-benchmark customSmallerIsBetter JSON").build());
    }

    /** The requested files; a file inside no existing directory is refused before anything runs (exit 2). */
    static CiOutputs from(CommandLine cl) {
        return new CiOutputs(path(cl, "junit"), path(cl, "bmf"), path(cl, "benchmark-json"));
    }

    private static Path path(CommandLine cl, String option) {
        if (!cl.hasOption(option)) {
            return null;
        }
        String value = cl.getOptionValue(option);
        if (value.isBlank()) {
            throw new InvalidInputException("--" + option + " needs a file name");
        }
        Path p = Path.of(value).toAbsolutePath();
        if (Files.isDirectory(p)) {
            throw new InvalidInputException("--" + option + " " + value + " is a directory, expected a file");
        }
        if (!Files.isDirectory(p.getParent())) {
            throw new InvalidInputException("--" + option + " " + value + ": no such directory " + p.getParent());
        }
        return p;
    }

    /** Writes the requested files and returns them (pure renderers; this is the I/O). */
    List<Path> write(Phase4Report report) throws IOException {
        return write(junit == null ? null : JunitReport.of(report), report);
    }

    /**
     * The files of an interleaved A/B campaign: JUnit with both arms and the comparison's gate; the metric files
     * describe the head arm (the build under test), so their series stay one build's numbers over time. {@code c}
     * null: the campaign was interrupted and not compared.
     */
    List<Path> writeInterleaved(String campaignId, Phase4Report base, Phase4Report head, Comparison c,
            boolean strict) throws IOException {
        return write(junit == null ? null : JunitReport.ofInterleaved(campaignId, base, head, c, strict), head);
    }

    private List<Path> write(JunitReport suite, Phase4Report report) throws IOException {
        List<Path> written = new ArrayList<>();
        if (junit != null) {
            written.add(AtomicFiles.write(junit, JunitXml.render(suite)));
        }
        if (bmf != null) {
            written.add(AtomicFiles.write(bmf, BencherMetrics.of(report).render()));
        }
        if (benchmarkJson != null) {
            written.add(AtomicFiles.write(benchmarkJson, BenchmarkActionEntries.of(report).render()));
        }
        return written;
    }
}
