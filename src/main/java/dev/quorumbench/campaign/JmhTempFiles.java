package dev.quorumbench.campaign;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * Gives JMH's temp files ({@code jmh*stdout}, {@code jmh*stderr}, {@code jmh*compilecommand}) a directory owned by
 * this harness, {@code <java.io.tmpdir>/quorumbench-jmh-<pid>/}, and sweeps the directories of dead harnesses at
 * every start. JMH deletes its files only at a normal exit, and in the shared temp directory nothing says which
 * harness a file belonged to, so a SIGKILLed harness left three files per run that nothing removed. A watcher
 * ({@link dev.quorumbench.host.AfterDeath}) removes the directory as soon as its harness dies by SIGKILL.
 */
public final class JmhTempFiles {

    static final String PREFIX = "quorumbench-jmh-";

    /** Removes this harness's directory if it is SIGKILLed while it holds one (the sweep would wait for a next start). */
    private static dev.quorumbench.host.AfterDeath removeIfKilled;

    private JmhTempFiles() {
    }

    /**
     * Sweeps, then creates this harness's directory and points {@code java.io.tmpdir} at it. JMH's Runner class
     * is initialised first: it takes the machine-wide lock path ({@code <tmpdir>/jmh.lock}) from the same property,
     * and that lock must stay shared. Returns the directory, or null if it could not be made (JMH then uses the
     * shared directory, as before).
     */
    public static synchronized Path claim() {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Class.forName("org.openjdk.jmh.runner.Runner", true, JmhTempFiles.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null; // no JMH on the class path: nothing to place
        }
        sweepDead(base);
        Path own = base.resolve(PREFIX + ProcessHandle.current().pid());
        try {
            Files.createDirectories(own);
        } catch (IOException e) {
            return null;
        }
        removeIfKilled = dev.quorumbench.host.AfterDeath.arm(List.of("rm", "-rf", "--", own.toString())).orElse(null);
        System.setProperty("java.io.tmpdir", own.toString());
        return own;
    }

    /** Removes this harness's directory and points {@code java.io.tmpdir} back at {@code base}. */
    public static synchronized void release(Path own) {
        if (own == null) {
            return;
        }
        if (removeIfKilled != null) {
            removeIfKilled.close();
            removeIfKilled = null;
        }
        System.setProperty("java.io.tmpdir", own.getParent().toString());
        deleteTree(own);
    }

    /** Sweeps the directories in {@code base} of harnesses that no longer run; returns how many. */
    public static int sweepDead(Path base) {
        return sweep(base, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** Deletes every {@code quorumbench-jmh-<pid>} directory in {@code base} whose pid no longer runs; returns how many. */
    static int sweep(Path base, LongPredicate running) {
        int swept = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path d : dirs) {
                String tail = d.getFileName().toString().substring(PREFIX.length());
                if (!tail.matches("[0-9]{1,18}") || !Files.isDirectory(d) || running.test(Long.parseLong(tail))) {
                    continue; // not ours, or its harness still runs (a reused pid counts as running: kept, safe)
                }
                deleteTree(d);
                swept++;
            }
        } catch (IOException e) {
            // The shared temp directory is unreadable: nothing to sweep, and JMH will say so if it matters.
        }
        return swept;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: the next start sweeps it again.
        }
    }
}
