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

    /** SIGKILLs every process whose owner (by {@link #OWNER_ENV}) no longer runs; returns their pids. */
    public static List<Long> sweep() {
        List<Long> killed = new ArrayList<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return killed;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                Optional<String> owner = owner(dir);
                if (owner.isPresent() && !ownerRuns(owner.get())) {
                    ProcessHandle.of(pid).ifPresent(h -> {
                        h.destroyForcibly(); // SIGKILL: an orphaned node must not run on, nor get to clean up
                        killed.add(pid);
                    });
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc changes as we read it; what could not be read this time is left to the next sweep
        }
        return killed;
    }

    private static Optional<String> owner(Path procDir) {
        byte[] env;
        try {
            env = Files.readAllBytes(procDir.resolve("environ"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone, or not ours to read
        }
        return ownerIn(new String(env, StandardCharsets.UTF_8));
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
