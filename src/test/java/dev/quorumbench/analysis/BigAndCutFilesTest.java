package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files larger than the campaign can write are refused with one line before they are read (a 1 GiB JSONL once
 * ended in an OutOfMemoryError), and a jmh-result.json cut at any byte is a partial result, never an error.
 */
class BigAndCutFilesTest {

    private static final FaultClass KILL = FaultClass.KILL_PRIMARY_MID_WRITE;

    @TempDir
    Path dir;

    /** The JMH result of a real 4 × 200-cycle campaign (runs/baseline-phase4). */
    private static final Path REAL_JMH = Path.of("src/test/resources/jmh-result-phase4.json");

    @Test
    void aRealJmhResultCutAtAnyByteIsPartialNeverAnError() throws IOException {
        String text = Files.readString(REAL_JMH);
        assertNotNull(JmhResultReader.parse("jmh-result.json", text), "the whole file parses");
        List<Integer> refused = new ArrayList<>();
        int tried = 0;
        for (int cut = 1; cut < text.length() - 1; cut += 13) {
            tried++;
            try {
                JmhResultReader.parse("jmh-result.json", text.substring(0, cut));
            } catch (InvalidInputException e) {
                refused.add(cut);
            }
        }
        assertTrue(tried > 10_000, "cut points tried: " + tried);
        assertEquals(List.of(), refused, "cut points refused as not valid JSON");
    }

    @Test
    void aMalformedJmhResultIsStillAnError() {
        // The control: an error before the end of the text is a malformed file, not a cut one.
        assertThrows(InvalidInputException.class, () -> JmhResultReader.parse("j", "[ {\"a\": } , {} ]"));
        assertThrows(InvalidInputException.class, () -> JmhResultReader.parse("j", "[}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "hlog", "jmh"})
    void aFileLargerThanTheCampaignCanWriteIsRefusedWithOneLine(String which) throws IOException {
        RunFixture.golden(dir); // 3 cycles x 10 writes per class
        Path file = switch (which) {
            case "jsonl" -> dir.resolve(RunFiles.cycleLogName(KILL));
            case "hlog" -> dir.resolve(RunFiles.latencyLogName(KILL));
            default -> dir.resolve(RunFiles.JMH_RESULT);
        };
        // 8 MB of blank lines: harmless content, impossible size for 3 cycles x 10 writes.
        byte[] blanks = new byte[1 << 20];
        java.util.Arrays.fill(blanks, (byte) '\n');
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            for (int i = 0; i < 8; i++) {
                out.write(blanks);
            }
        }

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunLoader.load(dir, false));

        assertTrue(e.getMessage().startsWith(file.getFileName() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("more than a run of 3 cycles x 10 writes can write"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aLineLongerThanAnyCycleRecordIsRefused() {
        String longLine = "{\"cycle\":1,\"x\":\"" + "a".repeat(2_000) + "\"}\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CycleLogReader.parse("f.jsonl",
                KILL, new java.io.BufferedReader(new java.io.StringReader(longLine + longLine)), 1_000));
        assertTrue(e.getMessage().startsWith("f.jsonl:1: line of "), e.getMessage());
    }

    @Test
    void theGoldenRunIsWithinItsLimits() throws IOException {
        RunFixture.golden(dir);
        assertEquals(3, RunLoader.load(dir, false).faults().get(KILL).cycles().size());
    }
}
