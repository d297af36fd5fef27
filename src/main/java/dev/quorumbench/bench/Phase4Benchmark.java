package dev.quorumbench.bench;

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

    private CampaignTrial trial;

    @Setup(Level.Trial)
    public void startCluster() throws Exception {
        trial = TrialFactory.start(System.getProperty(CAMPAIGN_PROPERTY, ""), fault);
    }

    @Setup(Level.Iteration)
    public void armCycle(IterationParams iteration) {
        trial.startCycle(iteration.getType() == IterationType.MEASUREMENT);
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
        if (trial != null) {
            trial.close();
        }
    }
}
