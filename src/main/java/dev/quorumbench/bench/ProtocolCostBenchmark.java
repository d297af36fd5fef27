package dev.quorumbench.bench;

import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.store.AttemptResult;
import dev.quorumbench.store.HttpReply;
import dev.quorumbench.store.HttpStoreProtocol;
import dev.quorumbench.store.HttpTransport;
import dev.quorumbench.store.PreparedWrite;
import dev.quorumbench.store.WriteItem;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The harness's own cost per write of a declarative protocol (ai-memory's bundled description): build the write's
 * request from the templates and classify a canned answer by the outcome rules, with no network. Until commit
 * 932f8eb it also measured the hand-written ai-memory client it replaced (README "Performance").
 *
 * <p>Run: {@code java -cp target/benchmarks.jar org.openjdk.jmh.Main ProtocolCostBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}
 * (README "Performance" lists the figures this gave).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ProtocolCostBenchmark {

    /** The canned answer: an acknowledgement, or ai-memory's quorum-not-met refusal. */
    @Param({"201", "503"})
    public int status;

    private HttpStoreProtocol declarative;
    private HttpReply reply;
    private int n;

    @Setup(Level.Trial)
    public void setUp() {
        // The transport is never used: nothing here touches the network.
        declarative = new HttpStoreProtocol(TargetProfile.resolve("ai-memory-declarative").http(),
                new HttpTransport(1_000, 1_000), false);
        reply = status == 201
                ? new HttpReply(201, "{\"id\":\"6f1c2a\",\"quorum_acks\":2,\"namespace\":\"qb-c1\"}", -1)
                : new HttpReply(503, "{\"error\":\"quorum_not_met\",\"got\":1,\"needed\":2,\"reason\":\"timeout\"}", 1000);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        declarative.close();
    }

    private WriteItem next() {
        // A fresh id per call, as a campaign's writes have, so no request can be cached.
        return new WriteItem("qb-20261128T120000Z-partition_minority-c7", "qb-20261128T120000Z-partition_minority-c7-w"
                + (n++ & 1023), "quorumbench");
    }

    @Benchmark
    public AttemptResult declarative(Blackhole bh) {
        PreparedWrite w = declarative.prepare(next());
        bh.consume(w);
        return declarative.classify(reply);
    }
}
