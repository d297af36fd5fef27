package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreePortsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'32768\t60999\n' | 10000 | 32767",
            "'20000 30000'    | 10000 | 19999",
            "'11000 60999'    | -1    | -1",
            "'1024 65535'     | -1    | -1",
            "garbage          | -1    | -1",
            "''               | -1    | -1",
    })
    void picksBelowTheEphemeralRange(String procText, int low, int high) {
        int[] range = FreePorts.candidateRange(procText);
        assertArrayEquals(low < 0 ? null : new int[] {low, high}, range);
    }

    @Test
    void reservesDistinctPortsOutsideTheEphemeralRange() throws IOException {
        try (FreePorts ports = FreePorts.reserve("127.0.0.1", 3)) {
            int[] p = ports.ports();
            assertEquals(3, Arrays.stream(p).distinct().count());
            String proc;
            try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                proc = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            }
            int[] range = FreePorts.candidateRange(proc);
            org.junit.jupiter.api.Assumptions.assumeTrue(range != null, "no room below the ephemeral range: " + proc);
            for (int port : p) {
                assertTrue(port >= range[0] && port <= range[1], "port " + port + " outside " + Arrays.toString(range));
            }
        }
    }
}
