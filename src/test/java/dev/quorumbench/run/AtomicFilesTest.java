package dev.quorumbench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: the directory is created, the whole old content is replaced, and no temporary file remains. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    /** Catches a write that expects its directory to exist (runs/<id>/ is new on the first write). */
    @Test
    void createsTheMissingDirectories() throws IOException {
        Path target = dir.resolve("runs/r1/deep/campaign.json");
        assertEquals(target, AtomicFiles.write(target, "{}\n"));
        assertEquals("{}\n", Files.readString(target));
        assertEquals(List.of("campaign.json"), names(target.getParent()));
    }

    /** Catches an in-place write that leaves the tail of a longer old content behind. */
    @Test
    void replacesTheWholeContent() throws IOException {
        Path target = dir.resolve("report.md");
        AtomicFiles.write(target, "a long first version of the file\n".repeat(100));
        AtomicFiles.write(target, "short\n");
        assertEquals("short\n", Files.readString(target));
        AtomicFiles.write(target, "");
        assertEquals(0, Files.size(target));
    }

    /** Catches a temporary file left beside the target (a reader listing runs/<id>/ would see it). */
    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("phase4.json");
        AtomicFiles.write(target, "1");
        AtomicFiles.write(target, "2");
        assertEquals(List.of("phase4.json"), names(dir));
    }

    /** A .tmp left by a write killed half-way is overwritten, never appended to nor left behind. */
    @Test
    void aStaleTemporaryFileFromACrashIsReplacedAndGone() throws IOException {
        Path target = dir.resolve("phase4.json");
        Files.writeString(dir.resolve("phase4.json.tmp"), "half of an old wri");
        AtomicFiles.write(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("phase4.json"), names(dir));
    }

    @Test
    void writesTextAsUtf8AndBytesAsGiven() throws IOException {
        Path text = dir.resolve("t.md");
        AtomicFiles.write(text, "µs ≤ 5 — ok");
        assertArrayEquals("µs ≤ 5 — ok".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(text));
        byte[] bytes = {0, (byte) 0xff, 10, 13};
        Path bin = dir.resolve("h.hgrm");
        AtomicFiles.write(bin, bytes);
        assertArrayEquals(bytes, Files.readAllBytes(bin));
    }

    /** A write that cannot land keeps the old content and leaves no temporary file. */
    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("campaign.json");
        Files.createDirectories(target);
        Files.writeString(target.resolve("inside"), "keeps the directory non-empty");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, "new"));
        assertEquals(List.of("campaign.json"), names(dir));
        assertEquals("keeps the directory non-empty", Files.readString(target.resolve("inside")));
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
