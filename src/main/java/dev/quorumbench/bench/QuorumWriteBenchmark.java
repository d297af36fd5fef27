package dev.quorumbench.bench;

import dev.quorumbench.client.RetryPolicy;
import dev.quorumbench.client.WriteClient;
import dev.quorumbench.client.WriteResult;
import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClusterSpec;
import dev.quorumbench.cluster.Clusters;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import dev.quorumbench.store.WriteItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Quorum-write latency of the reference cluster with no fault: W=2 of 3, sequential writes through node-0,
 * sampled per write (SampleTime gives p50/p99 directly). {@code links=proxied} routes node-to-node traffic through
 * the campaign's link proxies, so the cost of the proxies themselves is measured side by side.
 *
 * <p>Run: {@code java -cp target/benchmarks.jar org.openjdk.jmh.Main QuorumWriteBenchmark}
 * (README "Performance" lists the figures this gave). {@code -p node=URL} writes to a node already running
 * instead of starting a cluster: {@code benchmarks/harness-vs-wrk.sh} uses it to measure the harness's write path
 * against {@code wrk} on the same node, turn by turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Threads(1)
public class QuorumWriteBenchmark {

    @Param({"direct", "proxied"})
    public String links;

    /** A running node's base URL to write to, or {@code none}: start the reference cluster for this trial. */
    @Param("none")
    public String node;

    private Path workDir;
    private Cluster cluster;
    private StoreProtocol store;
    private WriteClient client;
    private String node0;
    private final String namespace = "qb-nofault-" + ProcessHandle.current().pid();
    private long next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        TargetProfile profile = TargetProfile.resolve("reference");
        if ("none".equals(node)) {
            workDir = Files.createTempDirectory("quorumbench-nofault");
            cluster = Clusters.start(ClusterSpec.builder(profile, workDir)
                    .linkProxies("proxied".equals(links))
                    .build());
            node0 = cluster.nodeUrl(0);
        } else {
            node0 = node;
        }
        store = StoreProtocols.forTarget(profile.storeTarget(), 5_000);
        client = new WriteClient(store, RetryPolicy.campaign(5_000), 5_000);
    }

    @Benchmark
    public WriteResult write() {
        String id = namespace + "-" + (next++);
        WriteResult r = client.write(node0, store.prepare(new WriteItem(namespace, id, "no-fault latency probe")),
                System.nanoTime());
        if (r.outcome() != Outcome.OK) {
            throw new IllegalStateException("write " + id + " ended " + r.outcome().key() + " (" + r.last() + ") with no fault");
        }
        return r;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            if (workDir != null) {
                try (Stream<Path> files = Files.walk(workDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
