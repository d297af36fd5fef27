package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Analysis trusts no line (issue 11, break 6): counts that contradict each other and cycles out of sequence are
 * one-line input errors; duplicate and foreign rows a store listed fail the class as a store defect.
 */
class UntrustedLinesTest {

    private static final FaultClass KILL = FaultClass.KILL_PRIMARY_MID_WRITE;

    @TempDir
    Path dir;

    /** Edits of the golden run's kill file: {@code set N FROM TO} replaces text in line N, {@code copy A B}, {@code drop N}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "set 1 \"lost_ids\":[] \"lost_ids\":[\"x1\",\"x2\"]   | :1: lost_acknowledged 0 but 2 lost_ids",
            "copy 1 2                                            | :2: cycle 1 appears twice",
            "drop 2                                              | :2: cycle 3 where cycle 2 was expected",
            "set 2 \"cycle\":2 \"cycle\":7                        | :2: cycle 7 where cycle 2 was expected",
            "set 1 \"ok\":10, \"ok\":-1,                          | :1: a count is negative",
    })
    void inconsistentLinesAreRefusedWithOneLine(String edit, String expected) throws IOException {
        RunFixture.golden(dir);
        Path jsonl = dir.resolve(RunFiles.cycleLogName(KILL));
        List<String> lines = new ArrayList<>(Files.readAllLines(jsonl));
        String[] e = edit.trim().split(" ", 4);
        int n = Integer.parseInt(e[1]) - 1;
        switch (e[0]) {
            case "set" -> {
                String[] fromTo = {e[2], e[3]};
                assertTrue(lines.get(n).contains(fromTo[0]), "fixture line " + (n + 1) + " has " + fromTo[0] + ": " + lines.get(n));
                lines.set(n, lines.get(n).replace(fromTo[0], fromTo[1]));
            }
            case "copy" -> lines.set(Integer.parseInt(e[2]) - 1, lines.get(n));
            case "drop" -> lines.remove(n);
            default -> throw new IllegalArgumentException(edit);
        }
        Files.write(jsonl, lines);

        InvalidInputException x = assertThrows(InvalidInputException.class, () -> RunLoader.load(dir));

        assertTrue(x.getMessage().startsWith(RunFiles.cycleLogName(KILL)), x.getMessage());
        assertTrue(x.getMessage().contains(expected), x.getMessage());
        assertFalse(x.getMessage().contains("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"duplicates\":0 | \"duplicates\":180                | store defect: 180 row(s) listed more than once",
            "\"duplicates\":0 | \"duplicates\":0,\"foreign\":12   | store defect: 12 listed row(s) are none of the cycle's writes",
    })
    void duplicateAndForeignRowsFailTheClass(String from, String to, String reason) throws IOException {
        RunFixture.golden(dir);
        Path jsonl = dir.resolve(RunFiles.cycleLogName(KILL));
        String text = Files.readString(jsonl);
        assertTrue(text.contains(from), text);
        Files.writeString(jsonl, text.replaceFirst(java.util.regex.Pattern.quote(from), to));

        Phase4Report report = Phase4Analysis.analyze(RunLoader.load(dir, false));

        FaultSummary kill = report.faults().get(KILL);
        assertFalse(kill.pass(), kill.reasons().toString());
        assertTrue(kill.reasons().stream().anyMatch(r -> r.contains(reason)), kill.reasons().toString());
    }

    @Test
    void theGoldenKillClassHasNoStoreDefect() throws IOException {
        // The control: without the edits above, no store-defect reason appears.
        RunFixture.golden(dir);
        Phase4Report report = Phase4Analysis.analyze(RunLoader.load(dir, false));
        FaultSummary kill = report.faults().get(KILL);
        assertFalse(kill.reasons().stream().anyMatch(r -> r.contains("store defect")), kill.reasons().toString());
    }
}
