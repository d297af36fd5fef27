package dev.quorumbench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every cluster not yet closed, and one JVM shutdown hook that closes them, so a SIGINT or a normal exit
 * of the harness leaves no node behind (a crash is covered by each node's {@code --parent-pid}).
 */
final class OpenClusters {

    private static final Set<Cluster> OPEN = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(OpenClusters::closeAll, "quorumbench-cluster-cleanup"));
        } catch (IllegalStateException shuttingDown) {
            // first used while the JVM is already exiting: whoever starts a cluster now must close it
        }
    }

    private OpenClusters() {
    }

    static void register(Cluster f) {
        OPEN.add(f);
    }

    static void unregister(Cluster f) {
        OPEN.remove(f);
    }

    static int count() {
        return OPEN.size();
    }

    static void closeAll() {
        List<Cluster> all = new ArrayList<>(OPEN);
        for (Cluster f : all) {
            try {
                f.close();
            } catch (RuntimeException ignored) {
                // keep closing the others: the JVM is going down
            }
        }
    }
}
