package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive's cache key follows what the JVM checks, and its placeholder never names a missing file of ours. */
class ClassDataArchiveTest {
    @TempDir
    Path dir;

    @Test
    void theKeyChangesWhenAJarIsRebuiltAndOnlyJarsQualify() throws Exception {
        Path jar = Files.writeString(dir.resolve("bench.jar"), "first build");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Path first = ClassDataArchive.cachePath("/usr/bin/java", jar.toString());
        assertNotNull(first);
        assertEquals(first, ClassDataArchive.cachePath("/usr/bin/java", jar.toString()), "stable for the same jar");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
        assertNotEquals(first, ClassDataArchive.cachePath("/usr/bin/java", jar.toString()), "a touched jar is new");
        assertNotEquals(first, ClassDataArchive.cachePath("/opt/other/java", jar.toString()), "another java is new");

        assertNull(ClassDataArchive.cachePath("/usr/bin/java", dir.toString()), "a directory cannot be archived");
        assertNull(ClassDataArchive.cachePath("/usr/bin/java", jar + File.pathSeparator + dir), "nor a mix");
        assertNull(ClassDataArchive.cachePath("/usr/bin/java", dir.resolve("missing.jar").toString()));
    }

    @Test
    void withoutAnArchiveThePlaceholderNamesTheJdkDefault() throws Exception {
        Path jar = Files.writeString(dir.resolve("never-trained.jar"), "x");
        String value = ClassDataArchive.placeholderValue("/opt/jdk/bin/java", jar.toString());
        assertEquals(Path.of("/opt/jdk/lib/server/classes.jsa").toString(), value);
        assertFalse(Files.exists(ClassDataArchive.cachePath("/opt/jdk/bin/java", jar.toString())));
    }

    @Test
    void onlyProfilesThatAskForItUseAnArchive() {
        assertTrue(ClassDataArchive.usedBy(TargetProfile.resolve("reference")));
        assertFalse(ClassDataArchive.usedBy(TargetProfile.resolve("ai-memory")));
    }
}
