package dev.quorumbench.campaign;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.bench.LatencyProfiler;
import dev.quorumbench.bench.Phase4Benchmark;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a campaign through JMH's Runner API: one fork per fault class, one measurement iteration per cycle,
 * fail-on-error so a broken benchmark is never a green run, JMH's JSON result in {@code jmh-result.json}.
 */
public final class CampaignRunner {

    /** What JMH did: whether every fork finished, and if not, one line saying why. */
    public record Result(boolean completed, String error) {
    }

    private final CampaignSpec spec;
    private final List<String> jmhArgs;
    private final boolean verbose;

    public CampaignRunner(CampaignSpec spec, List<String> jmhArgs, boolean verbose) {
        this.spec = spec;
        this.jmhArgs = List.copyOf(jmhArgs);
        this.verbose = verbose;
        parseJmhArgs(); // reject bad --jmh before anything starts
    }

    /** The JMH benchmark this harness runs, as {@code -l} lists it. */
    public static String benchmarkName() {
        return Phase4Benchmark.class.getName() + ".write";
    }

    public Result run(Consumer<String> progress) {
        Path runDir = spec.runPath();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .parent(parseJmhArgs())
                .include("^" + Pattern.quote(benchmarkName()) + "$")
                .param("fault", spec.faults().stream().map(FaultClass::key).toArray(String[]::new))
                .mode(Mode.SingleShotTime)
                .warmupIterations(spec.warmupCycles())
                .warmupBatchSize(spec.writes())
                .measurementIterations(spec.cycles())
                .measurementBatchSize(spec.writes())
                .forks(1)
                .threads(1)
                .shouldFailOnError(true)
                // One cycle may include a node restart and a 10 x quorum-timeout read-back; JMH's default 10 min is
                // per iteration, so a hung cycle is still bounded.
                .timeout(TimeValue.minutes(10))
                .resultFormat(ResultFormatType.JSON)
                .result(RunFiles.jmhResult(runDir).toString())
                // The campaign file goes to the fork as a property, not a @Param: parameters name a result series
                // in JMH-result tools, and an absolute path would make every run a new series.
                .jvmArgsAppend("-Xmx1g", "-Djava.awt.headless=true",
                        "-D" + Phase4Benchmark.CAMPAIGN_PROPERTY + "=" + RunFiles.campaignJson(runDir).toAbsolutePath())
                // Write-latency percentiles as secondary metrics, which aux counters cannot carry.
                .addProfiler(LatencyProfiler.class);
        if (!verbose) {
            options.output(RunFiles.jmhLog(runDir).toString());
        }
        ProgressMonitor monitor = new ProgressMonitor(spec, progress);
        monitor.start();
        try {
            new Runner(options.build()).run();
            monitor.report();
            return new Result(true, null);
        } catch (RunnerException e) {
            monitor.report();
            return new Result(false, explain(runDir, spec.faults(), e));
        } finally {
            monitor.close();
        }
    }

    private CommandLineOptions parseJmhArgs() {
        try {
            return new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new InvalidInputException("--jmh: " + e.getMessage());
        }
    }

    /** The most useful single line: a fork's own trial error if it left one, else JMH's message. */
    private static String explain(Path runDir, List<FaultClass> faults, RunnerException e) {
        for (FaultClass fault : faults) {
            Path error = RunFiles.trialError(runDir, fault);
            try {
                if (Files.isRegularFile(error)) {
                    return "target did not start for " + fault + ": "
                            + Files.readString(error, StandardCharsets.UTF_8).trim();
                }
            } catch (IOException ignored) {
                // Fall through to JMH's own message.
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "benchmark failed: " + m.split("\n")[0];
    }
}
