package dev.quorumbench.cluster;

import java.nio.file.Path;

/**
 * A stand-in harness JVM for process tests: starts a fake cluster in the given directory, prints its node
 * pids on one line, and waits to be interrupted or killed.
 */
public final class ClusterHolder {

    private ClusterHolder() {
    }

    public static void main(String[] args) throws Exception {
        TargetProfile profile = TargetProfile.resolve(args[0]);
        Cluster f = Clusters.start(ClusterSpec.builder(profile, Path.of(args[1])).build());
        StringBuilder pids = new StringBuilder("pids");
        for (int i = 0; i < f.size(); i++) {
            pids.append(' ').append(f.pid(i));
        }
        System.out.println(pids);
        System.out.flush();
        Thread.sleep(120_000); // the test ends this JVM long before
    }
}
