package dev.quorumbench.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every federation not yet closed, and one JVM shutdown hook that closes them, so a SIGINT or a normal exit
 * of the harness leaves no node behind (a crash is covered by each node's {@code --parent-pid}).
 */
final class OpenFederations {

    private static final Set<Federation> OPEN = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(OpenFederations::closeAll, "quorumbench-federation-cleanup"));
        } catch (IllegalStateException shuttingDown) {
            // first used while the JVM is already exiting: whoever starts a federation now must close it
        }
    }

    private OpenFederations() {
    }

    static void register(Federation f) {
        OPEN.add(f);
    }

    static void unregister(Federation f) {
        OPEN.remove(f);
    }

    static int count() {
        return OPEN.size();
    }

    static void closeAll() {
        List<Federation> all = new ArrayList<>(OPEN);
        for (Federation f : all) {
            try {
                f.close();
            } catch (RuntimeException ignored) {
                // keep closing the others: the JVM is going down
            }
        }
    }
}
