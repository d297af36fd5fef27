package dev.quorumbench.cli;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops every process this harness started (the JMH fork and, through it, the nodes): SIGTERM first so the fork's
 * shutdown hooks heal faults and remove rules, then SIGKILL whatever is still there after a bounded wait.
 */
final class ProcessCleanup {

    private ProcessCleanup() {
    }

    static void stopDescendants() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
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
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
