package dev.quorumbench.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster made with {@code --dir} is found again without it (so {@code cluster down} deletes its keys), and only
 * while its directory carries the marker; the default directory needs no pointer.
 */
class ClusterFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aClusterUpWithDirIsFoundByNameUntilItIsDeleted() throws Exception {
        ClusterFiles custom = new ClusterFiles(tmp.resolve("elsewhere/keys"));
        Files.createDirectories(custom.dir());
        Files.writeString(custom.dir().resolve(ClusterFiles.MARKER), "qb\n");
        custom.point(tmp, "qb");

        assertEquals(custom.dir(), ClusterFiles.locate(tmp, "qb").dir(), "down without --dir finds the keys");
        assertEquals(ClusterFiles.defaultDir(tmp, "other"), ClusterFiles.locate(tmp, "other").dir());

        assertTrue(custom.delete());
        assertEquals(ClusterFiles.defaultDir(tmp, "qb"), ClusterFiles.locate(tmp, "qb").dir(),
                "a pointer to an unmarked directory leads nowhere");
        assertTrue(custom.unpoint(tmp, "qb"));
        assertFalse(Files.exists(ClusterFiles.pointer(tmp, "qb")));
        assertFalse(custom.unpoint(tmp, "qb"), "idempotent");
    }

    @Test
    void theDefaultDirectoryLeavesNoPointerAndAPointerElsewhereIsNotRemoved() throws Exception {
        new ClusterFiles(ClusterFiles.defaultDir(tmp, "qb")).point(tmp, "qb");
        assertFalse(Files.exists(ClusterFiles.pointer(tmp, "qb")));

        new ClusterFiles(tmp.resolve("a")).point(tmp, "qb");
        assertFalse(new ClusterFiles(tmp.resolve("b")).unpoint(tmp, "qb"), "only the directory it names removes it");
        assertTrue(Files.exists(ClusterFiles.pointer(tmp, "qb")));
    }
}
