package dev.quorumbench.cluster;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A stand-in for a JMH fork (a test's child JVM): starts a three-node cluster of the profile {@code args[0]} in
 * {@code args[1]}, prints {@code pids <p0>,<p1>,<p2>} once every node is healthy, then waits to be killed.
 */
public final class GuardedClusterMain {

    private GuardedClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        Cluster c = Clusters.start(ClusterSpec.builder(TargetProfile.resolve(args[0]), Path.of(args[1]))
                .linkProxies(false).startTimeoutMs(60_000).build());
        System.out.println("pids " + IntStream.range(0, c.size()).mapToObj(i -> Long.toString(c.pid(i)))
                .collect(Collectors.joining(",")));
        System.out.flush();
        Thread.sleep(600_000); // bounded: the test SIGKILLs this JVM long before
    }
}
