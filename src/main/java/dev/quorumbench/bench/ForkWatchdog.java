package dev.quorumbench.bench;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends a JMH fork whose harness died: SIGKILL of the main process runs none of its cleanup, and the fork would go
 * on with its cycle (minutes against a slow target) with its nodes, proxies and firewall rules. Exiting runs the
 * fork's shutdown hooks, which heal the fault and stop the nodes.
 */
final class ForkWatchdog {

    /** Poll period: the fork notices its parent's death within this. */
    static final long POLL_MS = 200;
    /** Exit status of a fork ended by its watchdog (JMH's own failures use 1). */
    static final int ORPHANED_EXIT = 3;

    private static ScheduledExecutorService running;

    private ForkWatchdog() {
    }

    /** Arms the watchdog once per JVM, only in a JMH fork (in-process tests have no harness to outlive). */
    static synchronized void armInFork() {
        if (running != null || !inJmhFork()) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(parent -> running = watch(parent, () -> {
            System.err.println("quorumbench fork: harness process " + parent.pid() + " died; stopping this fork");
            System.exit(ORPHANED_EXIT); // runs the shutdown hooks: heal, stop nodes, remove firewall chains
        }));
    }

    /**
     * Calls {@code onDeath} once, on a daemon thread, when {@code parent} is no longer alive. ProcessHandle
     * remembers the start time, so a recycled pid does not look like the parent.
     */
    static ScheduledExecutorService watch(ProcessHandle parent, Runnable onDeath) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fork-watchdog");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            if (!parent.isAlive()) {
                poller.shutdown();
                onDeath.run();
            }
        }, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        return poller;
    }

    /** JMH starts each fork with its ForkedMain as the main class. */
    static boolean inJmhFork() {
        return Optional.ofNullable(System.getProperty("sun.java.command")).orElse("")
                .startsWith("org.openjdk.jmh.runner.ForkedMain");
    }
}
