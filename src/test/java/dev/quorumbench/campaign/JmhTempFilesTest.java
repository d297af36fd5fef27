package dev.quorumbench.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH temp directories of dead harnesses are swept; a live harness's, and anything else, are kept. */
class JmhTempFilesTest {

    @Test
    void sweepsOnlyTheDirectoriesOfDeadHarnesses(@TempDir Path base) throws IOException {
        Path dead = Files.createDirectories(base.resolve("quorumbench-jmh-111"));
        Files.writeString(dead.resolve("jmh123stdout"), "x");
        Files.writeString(dead.resolve("jmh456compilecommand"), "x");
        Path live = Files.createDirectories(base.resolve("quorumbench-jmh-222"));
        Files.writeString(live.resolve("jmh789stderr"), "x");
        Path notOurs = Files.createDirectories(base.resolve("quorumbench-jmh-abc"));
        Path shared = Files.writeString(base.resolve("jmh999stdout"), "another harness's, ownerless");

        int swept = JmhTempFiles.sweep(base, Set.of(222L)::contains);

        assertEquals(1, swept);
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(live.resolve("jmh789stderr")));
        assertTrue(Files.exists(notOurs));
        assertTrue(Files.exists(shared), "files in the shared directory have no owner to check: kept");
    }
}
