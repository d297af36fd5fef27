package dev.quorumbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The Phase-4 chaos campaign as a JMH benchmark: one fork per fault class, one measurement iteration per cycle,
 * one invocation per write (SingleShotTime, batch size = writes per cycle).
 *
 * <p>{@code @Setup(Level.Iteration)} arms the cycle's fault, which a fault thread fires mid-burst;
 * {@code @TearDown(Level.Iteration)} heals it, reads every write back from every node and appends the cycle's JSONL
 * line and .hlog interval. JMH's own score is the burst's wall time; the per-write latencies are in the
 * HdrHistograms, and the outcome counts are secondary metrics ({@link OutcomeCounters}).
 *
 * <p>Run it through {@code java -jar target/benchmarks.jar}, which writes campaign.json and passes its path to the
 * fork as the system property {@value #CAMPAIGN_PROPERTY} with the campaign's fault keys as {@code fault}; started by
 * JMH directly, it needs {@code -p fault=...} and {@code -jvmArgsAppend -Dquorumbench.campaign=...}. The path is not
 * a {@code @Param}: JMH-result tools key a series by its parameters, and an absolute path made every run a new one.
 *
 * <p>An interleaved A/B campaign also passes the head arm's campaign.json as {@value #HEAD_CAMPAIGN_PROPERTY}: the
 * fork then runs one {@link CampaignTrial} per arm, both clusters up, and each iteration (warm-up or measured) goes
 * to the arm {@link AbSchedule} names, so machine drift during the fork hits both arms alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
public class Phase4Benchmark {

    /**
     * The fault class's key ({@code FaultClass.key()}); the campaign runner always passes the values, so no names
     * are spelt here. A String, not the enum, because JMH would use the enum's constant names, and jmh-result.json's
     * {@code params.fault} must be the key that analysis reads.
     */
    @Param({})
    public String fault;

    /** The fork's system property naming the campaign.json it runs (the runner always sets it). */
    public static final String CAMPAIGN_PROPERTY = "quorumbench.campaign";

    /** The head arm's campaign.json in an interleaved A/B campaign; absent for an ordinary campaign. */
    public static final String HEAD_CAMPAIGN_PROPERTY = "quorumbench.campaign.head";
    /** Cycles per ABBA block in an interleaved A/B campaign. */
    public static final String AB_BLOCK_PROPERTY = "quorumbench.ab.block";

    /** Base first, then head when interleaved; closed in reverse order. */
    private final List<CampaignTrial> arms = new ArrayList<>();
    private int blockCycles = 1;
    private long warmups;
    private long measurements;
    /** The arm of the current cycle. */
    private CampaignTrial trial;

    @Setup(Level.Trial)
    public void startCluster() throws Exception {
        ForkWatchdog.armInFork(); // before the nodes start: a harness killed now must not leave them behind
        arms.add(TrialFactory.start(System.getProperty(CAMPAIGN_PROPERTY, ""), fault));
        String head = System.getProperty(HEAD_CAMPAIGN_PROPERTY, "");
        if (!head.isEmpty()) {
            blockCycles = Integer.parseInt(System.getProperty(AB_BLOCK_PROPERTY, "1"));
            // After the base cluster, not beside it: the two starts would race for the node's class-data archive,
            // and a start is a second or two against a campaign of a minute.
            try {
                arms.add(TrialFactory.start(head, fault));
            } catch (Exception | Error e) {
                // The base cluster goes now, whatever JMH does after a setup threw; emptied, so never closed twice.
                closeAll(0);
                arms.clear();
                throw e;
            }
        }
        trial = arms.get(0);
    }

    @Setup(Level.Iteration)
    public void armCycle(IterationParams iteration) {
        boolean measurement = iteration.getType() == IterationType.MEASUREMENT;
        if (arms.size() > 1) {
            // Warm-up alternates arms cycle by cycle (ABBA with blocks of one); measurement in blocks of the campaign's.
            trial = arms.get(measurement ? AbSchedule.arm(measurements++, blockCycles) : AbSchedule.arm(warmups++, 1));
        }
        trial.startCycle(measurement);
    }

    @Benchmark
    public void write(OutcomeCounters counters) {
        this.counters = counters;
        switch (trial.writeNext()) {
            case OK -> counters.ok++;
            case QUORUM_NOT_MET -> counters.quorum_not_met++;
            case FAIL -> counters.fail++;
        }
    }

    /** The single benchmark thread's counters, kept so the iteration teardown can add the cycle's lost writes. */
    private OutcomeCounters counters;

    /**
     * Heals, reads back and records the cycle. JMH's generated code runs this before it reads the aux counters
     * (checked in the generated Phase4Benchmark_write_jmhTest), so lost writes land in this cycle's secondary metric.
     */
    @TearDown(Level.Iteration)
    public void healAndReadBack() throws Exception {
        int lost = trial.endCycle();
        if (counters != null) {
            counters.lost_acknowledged += lost;
        }
    }

    @TearDown(Level.Trial)
    public void stopCluster() {
        closeAll(arms.size() - 1);
    }

    /** Closes arms {@code last}..0, each even if a later one's close throws. */
    private void closeAll(int last) {
        if (last < 0) {
            return;
        }
        try {
            arms.get(last).close();
        } finally {
            closeAll(last - 1);
        }
    }
}
