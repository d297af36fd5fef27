package dev.quorumbench.campaign;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.bench.LatencyProfiler;
import dev.quorumbench.bench.Phase4Benchmark;
import dev.quorumbench.fault.AbandonedChains;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.host.OrphanedNodes;
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
 * An interleaved A/B campaign runs both arms in the same forks: twice the iterations, the head arm's campaign.json
 * and the block size passed beside the base arm's, and JMH's files in the directory above the arms.
 */
public final class CampaignRunner {

    /** What JMH did: whether every fork finished, and if not, one line saying why. */
    public record Result(boolean completed, String error) {
    }

    private final CampaignSpec spec;
    /** The head arm of an interleaved campaign (spec is then the base arm), else null. */
    private final CampaignSpec head;
    private final int blockCycles;
    /** Where jmh-result.json and jmh.log go: the run directory, or above the arms of an interleaved campaign. */
    private final Path outDir;
    private final List<String> jmhArgs;
    private final boolean verbose;

    public CampaignRunner(CampaignSpec spec, List<String> jmhArgs, boolean verbose) {
        this(spec, null, 1, spec.runPath(), jmhArgs, verbose);
    }

    /** An interleaved A/B campaign of {@code base} and {@code head} in ABBA blocks of {@code blockCycles}. */
    public CampaignRunner(CampaignSpec base, CampaignSpec head, int blockCycles, Path outDir, List<String> jmhArgs,
                          boolean verbose) {
        this.spec = base;
        this.head = head;
        this.blockCycles = blockCycles;
        this.outDir = outDir;
        this.jmhArgs = List.copyOf(jmhArgs);
        this.verbose = verbose;
        parseJmhArgs(); // reject bad --jmh before anything starts
    }

    /** The JMH benchmark this harness runs, as {@code -l} lists it. */
    public static String benchmarkName() {
        return Phase4Benchmark.class.getName() + ".write";
    }

    public Result run(Consumer<String> progress) {
        Path runDir = outDir;
        int arms = head == null ? 1 : 2;
        ChainedOptionsBuilder options = new OptionsBuilder()
                .parent(parseJmhArgs())
                .include("^" + Pattern.quote(benchmarkName()) + "$")
                .param("fault", spec.faults().stream().map(FaultClass::key).toArray(String[]::new))
                .mode(Mode.SingleShotTime)
                .warmupIterations(spec.warmupCycles() * arms)
                .warmupBatchSize(spec.writes())
                .measurementIterations(spec.cycles() * arms)
                .measurementBatchSize(spec.writes())
                .forks(1)
                // No warm-up forks: the warm-up is --warmup-cycles inside each fork (JmhFlagHint says so for -wf).
                .warmupForks(0)
                .threads(1)
                .shouldFailOnError(true)
                // One cycle may include a node restart and a 10 x quorum-timeout read-back; JMH's default 10 min is
                // per iteration, so a hung cycle is still bounded.
                .timeout(TimeValue.minutes(10))
                .resultFormat(ResultFormatType.JSON)
                .result(RunFiles.jmhResult(runDir).toString())
                // The campaign file goes to the fork as a property, not a @Param: parameters name a result series
                // in JMH-result tools, and an absolute path would make every run a new series.
                .jvmArgsAppend(forkArgs().toArray(String[]::new))
                // Write-latency percentiles as secondary metrics, which aux counters cannot carry.
                .addProfiler(LatencyProfiler.class);
        if (!verbose) {
            options.output(RunFiles.jmhLog(runDir).toString());
        }
        ParentHeap.returnUnusedMemoryEvery(ParentHeap.PERIOD);
        ProgressMonitor monitor = new ProgressMonitor(spec, head == null ? List.of(spec.runPath())
                : List.of(spec.runPath(), head.runPath()), progress);
        monitor.start();
        Path jmhTemp = JmhTempFiles.claim(); // JMH's temp files in a directory a later start can tell is orphaned
        try {
            new Runner(options.build()).run();
            monitor.report();
            return new Result(true, null);
        } catch (RunnerException e) {
            monitor.report();
            return new Result(false, explain(head == null ? List.of(spec.runPath())
                    : List.of(spec.runPath(), head.runPath()), spec.faults(), e));
        } finally {
            monitor.close();
            JmhTempFiles.release(jmhTemp);
            sweepChainsOfDeadForks(progress);
            for (long pid : OrphanedNodes.sweep()) {
                progress.accept("killed node process " + pid + " left by a fork that died before its guard ran");
            }
        }
    }

    /** The fork's JVM arguments (one list: JMH's jvmArgsAppend replaces, it does not add to, an earlier call). */
    private List<String> forkArgs() {
        List<String> args = new java.util.ArrayList<>(List.of("-Xmx1g", "-Djava.awt.headless=true",
                "-D" + Phase4Benchmark.CAMPAIGN_PROPERTY + "=" + RunFiles.campaignJson(spec.runPath()).toAbsolutePath()));
        if (head != null) {
            args.add("-D" + Phase4Benchmark.HEAD_CAMPAIGN_PROPERTY + "=" + RunFiles.campaignJson(head.runPath()).toAbsolutePath());
            args.add("-D" + Phase4Benchmark.AB_BLOCK_PROPERTY + "=" + blockCycles);
        }
        return args;
    }

    /**
     * A fork killed during an iptables partition leaves its chain with DROP rules on ports other processes may
     * reuse; the fork cannot clean up after SIGKILL, so the main process does, as soon as JMH returns.
     */
    private void sweepChainsOfDeadForks(Consumer<String> progress) {
        if (!anyArmUses(head == null ? List.of(spec) : List.of(spec, head), "iptables")) {
            return;
        }
        try {
            for (String chain : AbandonedChains.sweep(LocalHost.get())) {
                progress.accept("removed firewall chain " + chain + " left by a fork that died");
            }
        } catch (HostException e) {
            progress.accept("could not sweep firewall chains of dead forks: " + e.getMessage());
        }
    }

    /**
     * Whether any arm's resolved mechanisms include {@code mechanism} (pure): the arms of an interleaved campaign may
     * have different targets, so the head arm's forks can leave chains where the base arm's use none.
     */
    static boolean anyArmUses(List<CampaignSpec> arms, String mechanism) {
        return arms.stream().anyMatch(a -> a.mechanisms() != null
                && a.mechanisms().values().stream().anyMatch(m -> mechanism.equals(m.name())));
    }

    private CommandLineOptions parseJmhArgs() {
        try {
            return new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new InvalidInputException("--jmh: " + e.getMessage());
        }
    }

    /** The most useful single line: a fork's own trial error if it left one, else JMH's message. */
    private static String explain(List<Path> runDirs, List<FaultClass> faults, RunnerException e) {
        for (Path runDir : runDirs) {
            for (FaultClass fault : faults) {
                Path error = RunFiles.trialError(runDir, fault);
                try {
                    if (Files.isRegularFile(error)) {
                        return "target did not start for " + fault + (runDirs.size() > 1 ? " (" + runDir.getFileName()
                                + " arm)" : "") + ": " + Files.readString(error, StandardCharsets.UTF_8).trim();
                    }
                } catch (IOException ignored) {
                    // Fall through to JMH's own message.
                }
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
