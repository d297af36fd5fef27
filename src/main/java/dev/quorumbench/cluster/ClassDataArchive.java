package dev.quorumbench.cluster;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.JavaCommand;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import dev.quorumbench.store.Attempt;
import dev.quorumbench.store.ListLimits;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.WriteItem;
import dev.quorumbench.time.Deadline;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The Java class-data-sharing archive of a node that runs this jar (the {@code ${cds_archive}} placeholder): made
 * once per jar and JVM by a short training run of the profile's own command, kept in a cache directory, and mapped
 * by every later start, so a node restarted hundreds of times in a kill class does not load and verify its classes
 * from the jar each time.
 *
 * <p>The archive is keyed by what the JVM itself checks before it maps one: the java binary and its version, and
 * the path, size and modification time of every class-path jar. A key that does not match is a new archive, never a
 * warning at each start. Until the archive exists (or when it cannot be made: a class path with directories, as in
 * unit tests, or another host) the placeholder names the JDK's own default archive, which every JVM maps anyway.
 */
public final class ClassDataArchive {
    /** The placeholder a profile's command uses: {@code -XX:SharedArchiveFile=${cds_archive}}. */
    public static final String PLACEHOLDER = "cds_archive";
    private static final int TRAINING_WRITES = 40;
    private static final long TRAINING_START_MS = 30_000;
    private static final long TRAINING_TIMEOUT_MS = 20_000;
    private static final long WRITE_TIMEOUT_MS = 5_000;
    private static final long TRAINING_WRITES_MS = 15_000;

    private ClassDataArchive() {
    }

    /** Whether {@code profile}'s command maps an archive. */
    public static boolean usedBy(TargetProfile profile) {
        return profile.command().stream().anyMatch(a -> a.contains("${" + PLACEHOLDER + "}"));
    }

    /**
     * The value of {@code ${cds_archive}} for a node started with {@code java}: this jar's archive when it has been
     * made, else the JDK's default archive (which the JVM maps silently, or skips silently when absent).
     */
    static String placeholderValue(String java, String classpath) {
        Path archive = cachePath(java, classpath);
        return archive != null && Files.isRegularFile(archive) ? archive.toString() : jdkDefault(java).toString();
    }

    /**
     * Makes this jar's archive if {@code profile} uses one and it is not made yet: starts two nodes of the profile
     * on its own host (node-0 with {@code -XX:ArchiveClassesAtExit}), writes through {@code store}, reads back, and
     * stops node-0 with SIGTERM so its JVM writes the archive at exit. Bounded; a failure leaves no archive and the
     * nodes start without it. Only for profiles whose nodes run on this machine ({@code java} is how it runs them).
     *
     * @return what happened, one line for the log
     */
    public static String ensure(TargetProfile profile, JavaCommand java, StoreProtocol store, Path workDir) {
        if (!usedBy(profile) || profile.placed()) {
            return "class-data archive: not used by target " + profile.name();
        }
        Path archive = cachePath(java.executable(), java.classpath());
        if (archive == null) {
            return "class-data archive: unavailable (the class path is not a list of jars)";
        }
        if (Files.isRegularFile(archive)) {
            return "class-data archive: " + archive;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + ".part-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(archive.getParent());
            train(profile, store, workDir.resolve("cds-training"), partial);
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                return "class-data archive: the training node wrote no archive; nodes start without one";
            }
            try {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            return "class-data archive: made " + archive;
        } catch (IOException | ClusterException | HostException | RuntimeException e) {
            return "class-data archive: not made (" + e.getMessage() + "); nodes start without one";
        } finally {
            try {
                Files.deleteIfExists(partial);
                deleteTree(workDir.resolve("cds-training"));
            } catch (IOException ignored) {
                // a stale partial file is never mapped: only the final name is
            }
        }
    }

    private static void train(TargetProfile profile, StoreProtocol store, Path dir, Path partial)
            throws ClusterException, HostException, IOException {
        ClusterSpec spec = ClusterSpec.builder(profile, dir)
                .nodes(2)
                .quorumWrites(2)
                .linkProxies(false)
                .startTimeoutMs(TRAINING_START_MS)
                // Read by the java launcher; with the profile's -XX:SharedArchiveFile naming the JDK's archive, the
                // JVM dumps this jar's classes on top of it when it exits.
                .nodeEnv(0, Map.of("JDK_JAVA_OPTIONS", "-XX:ArchiveClassesAtExit=" + partial))
                .build();
        try (Cluster cluster = Clusters.start(spec)) {
            String node0 = cluster.nodeUrl(0);
            String namespace = "qb-cds-training";
            // The writes are bounded as a whole: a training run that cannot write soon is not worth waiting for.
            Deadline writes = Deadline.in(TRAINING_WRITES_MS);
            for (int i = 0; i < TRAINING_WRITES && !writes.passed(); i++) {
                Attempt ignored = store.attempt(node0, store.prepare(new WriteItem(namespace, "w" + i, "training")),
                        Math.max(1, Math.min(WRITE_TIMEOUT_MS, writes.leftMs())));
            }
            store.listIds(node0, namespace, new ListLimits(1_000, Deadline.in(WRITE_TIMEOUT_MS)));
            store.health(node0, WRITE_TIMEOUT_MS);
            long pid = cluster.pid(0);
            Host nodeHost = cluster.host(0);
            nodeHost.signal(pid, Signal.TERM);
            if (!nodeHost.awaitState(pid, Set.of(ProcessState.GONE), TRAINING_TIMEOUT_MS)) {
                throw new ClusterException("the training node did not exit within " + TRAINING_TIMEOUT_MS + " ms of SIGTERM");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The cache file for this java and class path, or null when the class path is not made of jars only. */
    static Path cachePath(String java, String classpath) {
        StringBuilder key = new StringBuilder(java).append('\n').append(Runtime.version()).append('\n');
        for (String entry : classpath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                return null; // the JVM archives classes from jars only
            }
            try {
                key.append(jar.toAbsolutePath()).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            } catch (IOException e) {
                return null;
            }
        }
        return cacheDir().resolve("node-" + sha256(key.toString()).substring(0, 20) + ".jsa");
    }

    /** {@code $XDG_CACHE_HOME/quorumbench/cds}, else {@code ~/.cache/quorumbench/cds}. */
    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("quorumbench").resolve("cds");
    }

    private static Path jdkDefault(String java) {
        // <java.home>/bin/java -> <java.home>/lib/server/classes.jsa
        Path bin = Path.of(java).toAbsolutePath().getParent();
        Path home = bin == null || bin.getParent() == null ? Path.of(System.getProperty("java.home")) : bin.getParent();
        return home.resolve("lib").resolve("server").resolve("classes.jsa");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
