package dev.quorumbench.cli;

import dev.quorumbench.host.AfterDeath;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops every process this harness started (the JMH fork and, through it, the nodes): SIGTERM first so the fork's
 * shutdown hooks heal faults and remove rules, then SIGKILL whatever is still there after a bounded wait.
 */
final class ProcessCleanup {

    private ProcessCleanup() {
    }

    private static boolean stopped;

    /**
     * On shutdown, from any number of hooks: the first call stops the descendants, later ones wait until it has.
     * A hook that starts processes of its own afterwards (removing a namespace cluster runs {@code ip}) must not have
     * them killed by another hook's sweep still under way.
     */
    static synchronized void stopDescendantsOnce() {
        if (!stopped) {
            stopDescendants();
            stopped = true;
        }
    }

    static void stopDescendants() {
        // The after-death watchers stay: they act only once this JVM has exited (a JMH directory the finally did not
        // reach is then removed).
        List<ProcessHandle> children = ProcessHandle.current().descendants()
                .filter(p -> !AfterDeath.isWatcher(p)).toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : children) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception stillRunning) {
                    // SIGKILL below.
                }
            }
        }
        ProcessHandle.current().descendants().filter(p -> !AfterDeath.isWatcher(p))
                .forEach(ProcessHandle::destroyForcibly);
    }
}
