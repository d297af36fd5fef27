package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;

/** The shared "every cycle real" check passes on real cycles only, and on the cycle count asked for. */
class RealCyclesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0} expecting {1}")
    @CsvSource(delimiter = '|', textBlock = """
        real real            | 2 | true
        real                 | 2 | false
        real real real       | 2 | false
        real simulated       | 2 | false
        unavailable real     | 2 | false
        real -               | 2 | false
        """)
    void passesOnlyWhenEveryCycleIsRealAndAllAreThere(String statuses, int cycles, boolean passes) throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (String s : statuses.split(" ")) {
            jsonl.append(s.equals("-") ? "{\"cycle\":1}" : "{\"fault_event\":{\"status\":\"" + s + "\"}}").append('\n');
        }
        Files.writeString(dir.resolve("phase4-partition_minority.jsonl"), jsonl);
        if (passes) {
            assertEquals(cycles, RealCycles.assertEveryCycleReal(dir, "partition_minority", cycles).size());
        } else {
            assertThrows(AssertionFailedError.class,
                    () -> RealCycles.assertEveryCycleReal(dir, "partition_minority", cycles));
        }
    }
}
