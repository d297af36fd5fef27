package dev.quorumbench.bench;

import dev.quorumbench.client.ConvergenceWait;
import dev.quorumbench.client.ReadBack;
import dev.quorumbench.client.RetryPolicy;
import dev.quorumbench.client.WriteClient;
import dev.quorumbench.client.WriteResult;
import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClusterSpec;
import dev.quorumbench.fault.Fault;
import dev.quorumbench.record.CycleLog;
import dev.quorumbench.record.LatencyLog;
import dev.quorumbench.record.OutcomeRecorders;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.RunFiles;
import dev.quorumbench.store.PreparedWrite;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.WriteItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * One fault class's trial inside a JMH fork: the cluster, the fault, the client and the recorders, and the
 * cycle logic the benchmark's setup, measured method and teardown delegate to (kept out of the JMH class so it
 * reads as plain code and runs without JMH in tests).
 */
public final class CampaignTrial implements AutoCloseable {

    /** A fixed payload: the campaign measures replication, not payload size. */
    private static final String CONTENT = "quorumbench chaos-campaign write; payload padded to a realistic memory size. "
            .repeat(3);

    private final CampaignSpec spec;
    private final FaultClass fault;
    private final Cluster cluster;
    private final Fault faultInstance;
    private final FaultTrigger trigger;
    private final StoreProtocol store;
    private final WriteClient client;
    private final ConvergenceWait convergence;
    private final OutcomeRecorders recorders = new OutcomeRecorders();
    private final CycleLog cycleLog;
    private final LatencyLog latencyLog;
    private final WriteSchedule schedule;
    private final List<String> nodeUrls;

    private final long campaignStartMs;
    private int warmupDone;
    private int cycle;
    private boolean measuring;
    private String namespace;
    private int writeIndex;
    private long cycleStartNanos;
    private long cycleStartMs;
    private final Set<String> acked = new HashSet<>();
    private final Set<String> indeterminate = new HashSet<>();
    private final int[] counts = new int[Outcome.values().length];
    private int failDefinite;
    private int failIndeterminate;
    private int attempts;

    /** Takes ownership of {@code cluster} and {@code store}: {@link #close()} closes both. */
    CampaignTrial(CampaignSpec spec, FaultClass fault, Cluster cluster, Fault faultInstance, StoreProtocol store,
                  long campaignStartMs) throws IOException {
        this.spec = spec;
        this.fault = fault;
        this.cluster = cluster;
        this.faultInstance = faultInstance;
        this.trigger = new FaultTrigger(faultInstance);
        this.campaignStartMs = campaignStartMs;
        this.store = store;
        long responseTimeoutMs = responseTimeoutMs(spec);
        this.client = new WriteClient(store, RetryPolicy.campaign(spec.writeDeadlineMs()), responseTimeoutMs);
        this.convergence = new ConvergenceWait(new ReadBack(store, responseTimeoutMs));
        Path dir = spec.runPath();
        this.cycleLog = new CycleLog(RunFiles.cycleLog(dir, fault));
        this.latencyLog = new LatencyLog(RunFiles.latencyLog(dir, fault), campaignStartMs,
                "quorumbench " + spec.campaignId() + " fault=" + fault + " values=microseconds tags=outcome");
        this.schedule = new WriteSchedule(spec.ratePerS());
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            urls.add(cluster.nodeUrl(i));
        }
        this.nodeUrls = List.copyOf(urls);
    }

    /** The response timeout must outlast the node's own quorum timeout, or every 503 would look like a hang. */
    static long responseTimeoutMs(CampaignSpec spec) {
        return spec.quorumTimeoutMs() + 3_000;
    }

    /** Begins a cycle; warm-up cycles write the same burst with no fault and are not recorded. */
    public void startCycle(boolean measurement) {
        measuring = measurement;
        if (measurement) {
            cycle++;
            namespace = "qb-" + spec.campaignId() + "-" + fault + "-c" + cycle;
        } else {
            warmupDone++;
            namespace = "qb-" + spec.campaignId() + "-" + fault + "-warmup" + warmupDone;
        }
        writeIndex = 0;
        acked.clear();
        indeterminate.clear();
        java.util.Arrays.fill(counts, 0);
        failDefinite = 0;
        failIndeterminate = 0;
        attempts = 0;
        cycleStartMs = System.currentTimeMillis();
        cycleStartNanos = System.nanoTime();
    }

    /** One measured write through node-0; fires the fault after the configured write. */
    public Outcome writeNext() {
        int n = ++writeIndex;
        String id = namespace + "-w" + n;
        PreparedWrite write = store.prepare(new WriteItem(namespace, id, CONTENT)); // built before the clock starts
        long now = System.nanoTime();
        long intended = schedule.intendedStartNanos(cycleStartNanos, n, now);
        if (intended > now) {
            sleepNanos(intended - now);
        }
        WriteResult r = client.write(nodeUrls.get(0), write, intended);
        recorders.record(r.outcome(), r.latencyNanos());
        counts[r.outcome().ordinal()]++;
        failDefinite += r.definiteFailure() ? 1 : 0;
        failIndeterminate += r.indeterminateFailure() ? 1 : 0;
        attempts += r.attempts();
        (r.outcome() == Outcome.OK ? acked : indeterminate).add(id);
        if (measuring && n == Math.min(spec.fireAfterWrite(), spec.writes())) {
            trigger.fire();
        }
        return r.outcome();
    }

    /** Ends a cycle: heal, read back from every node until converged or the deadline, record. Returns lost count. */
    public int endCycle() throws IOException {
        FaultEvent event = trigger.awaitHealed(faultDeadlineMs());
        if (!measuring) {
            recorders.interval(); // drop warm-up latencies
            convergence.await(nodeUrls, namespace, acked, indeterminate, spec.convergeDeadlineMs());
            return 0;
        }
        ConvergenceWait.Result readBack = convergence.await(nodeUrls, namespace, acked, indeterminate,
                spec.convergeDeadlineMs());
        long endMs = System.currentTimeMillis();
        Map<Outcome, Histogram> interval = recorders.interval();
        Map<String, Long> measured = event == null ? Map.of() : event.measurements();
        CycleRecord record = new CycleRecord(cycle, fault, spec.schedule(), spec.writes(),
                counts[Outcome.OK.ordinal()], counts[Outcome.QUORUM_NOT_MET.ordinal()], counts[Outcome.FAIL.ordinal()],
                failDefinite, failIndeterminate, attempts, readBack.check().ackedPresent(),
                readBack.check().lostIds().size(), readBack.check().lostIds(), readBack.check().indeterminatePresent(), readBack.check().accepted(),
                readBack.check().acceptedPresent(), readBack.check().duplicates(),
                readBack.check().converged(), readBack.convergeMs(), measured.get("recovery_ms"),
                measured.get("measured_skew_ms"), event, cycleStartMs, endMs,
                OutcomeRecorders.summary(interval.get(Outcome.OK)));
        cycleLog.append(record);
        CycleLatency.publish(interval.get(Outcome.OK));
        latencyLog.append(interval, cycleStartMs, endMs);
        return record.lostAcknowledged();
    }

    /**
     * Fault window plus heal: longer than a node restart may take (the cluster's start bound), so the cycle never
     * gives up on a heal that is still legitimately running.
     */
    private long faultDeadlineMs() {
        return spec.faultWindowMs() + ClusterSpec.DEFAULT_START_TIMEOUT_MS + 30_000;
    }

    int cycle() {
        return cycle;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            trigger.close();
        } finally {
            try {
                cluster.close();
            } finally {
                closeQuietly(cycleLog);
                latencyLog.close();
                store.close();
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing a log or pool at the end of a trial: nothing left to save.
        }
    }
}
