package dev.quorumbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnsafeNodeArgsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        # node args                                            | unsafe flags found (; separated)
        ''                                                     | ''
        --sync-interval-ms 200                                 | ''
        --extra-latency-ms 3                                   | --extra-latency-ms 3
        --extra-latency-ms=20                                  | --extra-latency-ms 20
        --extra-latency-ms 0                                   | ''
        --unsafe-ack-before-commit --sync-interval-ms 100      | --unsafe-ack-before-commit
        --unsafe-no-sync --extra-latency-ms 5 --unsafe-sync-wallclock | --unsafe-no-sync;--extra-latency-ms 5;--unsafe-sync-wallclock
        --allow-clock-offset                                   | --allow-clock-offset
        """)
    void findsTheFlagsThatAlterTheStore(String args, String expected) {
        List<String> nodeArgs = args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
        assertEquals(expected, String.join(";", UnsafeNodeArgs.of(nodeArgs)));
    }
}
