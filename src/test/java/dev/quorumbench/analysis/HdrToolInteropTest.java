package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.record.LatencyLog;
import dev.quorumbench.record.OutcomeRecorders;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.run.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.HistogramLogProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HdrHistogram's own HistogramLogProcessor (2.2.2, run in-process) reads a log the campaign's LatencyLog writes,
 * with and without {@code -tag}, and prints exactly the .hgrm analysis writes, with the command runs/README.md
 * gives. Without the untagged all-outcomes intervals the tool fails (it reads only untagged ones without -tag).
 */
class HdrToolInteropTest {

    private static final FaultClass F = FaultClass.PARTITION_MINORITY;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "-tag {0}")
    @CsvSource(nullValues = "ALL", value = {"ALL", "ok", "quorum_not_met", "fail"})
    void histogramLogProcessorReproducesOurHgrm(String tag) throws Exception {
        writeRun();
        Phase4Files.analyzeAndWrite(dir, dir);

        String tool = processor(tag);

        Path ours = tag == null ? RunFiles.histogram(dir, F) : RunFiles.histogram(dir, F, Outcome.fromKey(tag));
        assertEquals(Files.readString(ours), tool);
    }

    @Test
    void theLogHeaderStatesTheUnitAndTheCommand() throws Exception {
        writeRun();

        String header = Files.readAllLines(RunFiles.latencyLog(dir, F)).stream()
                .filter(l -> l.startsWith("#")).collect(Collectors.joining("\n"));

        assertTrue(header.contains("values in microseconds"), header);
        assertTrue(header.contains("-outputValueUnitRatio 1000"), header);
    }

    @Test
    void aLogOfTaggedIntervalsOnlyIsWhatTheToolCannotRead() throws Exception {
        // The control: the fixture writes tagged intervals only, as the campaign did before; the tool then finds
        // no interval without -tag (2.2.2 fails with a NullPointerException), so the test above can fail.
        RunFixture.campaign(dir, "old", List.of(F), 1, 2, Map.of());
        RunFixture.hlog(dir, F, List.of(new RunFixture.Interval(1, Outcome.OK, 1_000, 2_000)));

        Throwable thrown = null;
        try {
            processor(null);
        } catch (RuntimeException e) {
            thrown = e;
        }
        assertTrue(thrown instanceof NullPointerException, String.valueOf(thrown));
    }

    /** Runs HistogramLogProcessor as runs/README.md says and returns its .hgrm without its two header lines. */
    private String processor(String tag) throws Exception {
        Path out = dir.resolve("tool-" + (tag == null ? "all" : tag));
        List<String> args = new ArrayList<>(List.of("-i", RunFiles.latencyLog(dir, F).toString(),
                "-o", out.toString(), "-outputValueUnitRatio", "1000"));
        if (tag != null) {
            args.add("-tag");
            args.add(tag);
        }
        new HistogramLogProcessor(args.toArray(String[]::new)).run();
        String text = Files.readString(Path.of(out + ".hgrm"));
        return text.lines()
                .filter(l -> !l.startsWith("#[Overall percentile distribution") && !l.startsWith("#[StartTime"))
                .map(l -> l + "\n").collect(Collectors.joining());
    }

    private void writeRun() throws Exception {
        long start = RunFixture.START_MS;
        RunFixture.campaign(dir, "interop", List.of(F), 3, 5,
                Map.of(F, new Mechanism("iptables", MechanismStatus.REAL, null)));
        OutcomeRecorders recorders = new OutcomeRecorders();
        try (LatencyLog log = new LatencyLog(RunFiles.latencyLog(dir, F), start, "quorumbench interop")) {
            for (int c = 1; c <= 3; c++) {
                long cycleStart = start + 10_000L * c;
                recorders.record(Outcome.OK, 1_250_000L * c);
                recorders.record(Outcome.OK, 2_125_000L * c);
                recorders.record(Outcome.OK, 3_500_000L + c);
                recorders.record(Outcome.QUORUM_NOT_MET, 2_000_000_000L + c);
                recorders.record(Outcome.FAIL, 17_000_000L * c);
                log.append(recorders.interval(), cycleStart, cycleStart + 4_000);
            }
        }
    }
}
