package dev.quorumbench.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Keeps sqlite-jdbc's extracted native library next to the node's database instead of in /tmp.
 *
 * <p>The driver extracts a 1 MB library into {@code java.io.tmpdir} at every start and deletes it at a normal
 * exit; a node that is SIGKILLed 200 times per campaign left 200 MB behind. Beside the database
 * ({@code <db>.native/}) the copies go away with the database, and each start first clears the copy its killed
 * predecessor left (unlinking a library another process still maps is harmless on Linux).
 */
final class SqliteNativeDir {

    private SqliteNativeDir() {
    }

    /**
     * Points the driver at {@code <db>.native/}, emptied first; a directory set by the user wins.
     *
     * @return the directory this call created, to remove if the database then fails to open; null otherwise
     */
    static Path useBeside(Path db) throws IOException {
        if (System.getProperty("org.sqlite.tmpdir") != null) {
            return null;
        }
        Path dir = db.toAbsolutePath().resolveSibling(db.getFileName() + ".native");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        boolean created = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        System.setProperty("org.sqlite.tmpdir", dir.toString());
        return created ? dir : null;
    }

    /** Undoes {@link #useBeside} after a failed start: a node that never opened its database leaves nothing. */
    static void removeCreated(Path dir) {
        if (dir == null) {
            return;
        }
        System.clearProperty("org.sqlite.tmpdir");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: the start already failed with the error that matters.
        }
    }
}
