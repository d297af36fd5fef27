package dev.quorumbench.node;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Calls back once when a given process has died, so a crashed harness leaves no orphan nodes. */
final class ParentWatcher implements AutoCloseable {
    static final long POLL_MS = 250;

    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(Replicator.daemonThreads("parent-watch"));

    /** @throws IllegalArgumentException when no process {@code pid} is running now */
    ParentWatcher(long pid, Runnable onDeath) {
        // ProcessHandle remembers the start time, so a recycled pid does not look like the parent.
        ProcessHandle parent = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalArgumentException("--parent-pid " + pid + ": no such process"));
        poller.scheduleWithFixedDelay(() -> {
            if (!parent.isAlive()) {
                poller.shutdown();
                onDeath.run();
            }
        }, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
