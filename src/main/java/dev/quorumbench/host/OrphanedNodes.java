package dev.quorumbench.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Finds and kills this machine's nodes whose owning fork is dead. Every node started locally with a guard carries
 * its owner in its environment ({@link #OWNER_ENV}); the guard covers the owner's death once it runs, but a fork
 * SIGKILLed in the milliseconds between starting a node and starting that node's guard leaves the node with no
 * watcher. The parent process, which sees its fork die, sweeps those (as it sweeps the fork's firewall chains).
 */
public final class OrphanedNodes {

    /** {@code <owner pid>:<owner start ticks>}, set on every guarded node this machine starts. */
    public static final String OWNER_ENV = "QB_NODE_OWNER";

    private OrphanedNodes() {
    }

    /** The value of {@link #OWNER_ENV} for {@code guard}'s owner. */
    static String ownerValue(NodeGuard guard) {
        return guard.ownerPid() + ":" + guard.ownerStartTicks();
    }

    /**
     * SIGKILLs every process whose owner (by {@link #OWNER_ENV}) no longer runs; returns their pids. A pid is killed
     * only while it still names the process whose environment was read: its start time is read before the
     * environment and again right before the kill (a pid freed and reused in between is left alone).
     */
    public static List<Long> sweep() {
        List<Long> killed = new ArrayList<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return killed;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String statBefore = read(dir.resolve("stat"));
                String environ = read(dir.resolve("environ"));
                if (statBefore == null || environ == null) {
                    continue; // gone, or not ours to read
                }
                // The handle pins the start time the JDK saw (its kill checks it); the stat read after the handle
                // must still be the one read before environ.
                ProcessHandle.of(pid).ifPresent(h -> {
                    if (orphanToKill(statBefore, environ, read(dir.resolve("stat")), OrphanedNodes::ownerRuns)) {
                        h.destroyForcibly(); // SIGKILL: an orphaned node must not run on, nor get to clean up
                        killed.add(pid);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // /proc changes as we read it; what could not be read this time is left to the next sweep
        }
        return killed;
    }

    /**
     * Whether to kill a process (pure): its environment names an owner that no longer runs, and its start time, read
     * before the environment ({@code statBefore}) and again just now ({@code statNow}, null when the pid is gone), is
     * the same, so the pid still names the process whose environment that was.
     */
    static boolean orphanToKill(String statBefore, String environ, String statNow, Predicate<String> ownerRuns) {
        Optional<String> owner = ownerIn(environ);
        if (owner.isEmpty() || ownerRuns.test(owner.get()) || statNow == null) {
            return false;
        }
        OptionalLong before = NodeGuard.startTicks(statBefore);
        return before.isPresent() && before.equals(NodeGuard.startTicks(statNow));
    }

    /** The file's text, or null when it cannot be read (the process is gone, or not ours). */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The owner named in a NUL-separated environment block (pure), or empty. */
    static Optional<String> ownerIn(String environ) {
        for (String entry : environ.split("\0")) {
            if (entry.startsWith(OWNER_ENV + "=")) {
                return Optional.of(entry.substring(OWNER_ENV.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** Whether the owner {@code pid:ticks} still runs: the same pid with the same start time. */
    static boolean ownerRuns(String owner) {
        String[] f = owner.split(":");
        if (f.length != 2 || !f[0].matches("\\d{1,18}") || !f[1].matches("\\d{1,19}")) {
            return true; // not ours to judge: never kill on a value we cannot read
        }
        try {
            OptionalLong ticks = NodeGuard.startTicks(Files.readString(Path.of("/proc", f[0], "stat")));
            return ticks.isPresent() && ticks.getAsLong() == Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return false; // no such process
        }
    }
}
