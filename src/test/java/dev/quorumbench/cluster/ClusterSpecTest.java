package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterSpecTest {

    private static final TargetProfile PROFILE = TargetProfile.parse("{\"command\":[\"srv\"]}", "p", "test");

    @Test
    void defaultsAreThePhase4Federation() {
        ClusterSpec s = ClusterSpec.builder(PROFILE, Path.of("w")).build();
        assertEquals(3, s.nodes());
        assertEquals(2, s.quorumWrites());
        assertEquals(2000, s.quorumTimeoutMs());
        assertTrue(s.linkProxies());
        assertEquals(90_000, s.startTimeoutMs());
        assertEquals("127.0.0.1", s.host());
        assertEquals(List.of(), s.extraNodeArgs());
        assertEquals(Map.of(), s.envOf(1));
        assertEquals(List.of(), s.argsOf(1));
    }

    @Test
    void perNodeExtrasMergeAcrossCalls() {
        ClusterSpec s = ClusterSpec.builder(PROFILE, Path.of("w"))
                .nodeEnv(1, Map.of("LD_PRELOAD", "/lib/faketime.so")).nodeEnv(1, Map.of("FAKETIME", "+0"))
                .nodeArgs(0, List.of("--a")).nodeArgs(0, List.of("--b", "1"))
                .extraNodeArgs(List.of("--unsafe-no-sync")).build();
        assertEquals(Map.of("LD_PRELOAD", "/lib/faketime.so", "FAKETIME", "+0"), s.envOf(1));
        assertEquals(List.of("--a", "--b", "1"), s.argsOf(0));
        assertEquals(List.of("--unsafe-no-sync"), s.extraNodeArgs());
    }

    @ParameterizedTest
    @CsvSource({
            "0, 1, 2000, 30000, 127.0.0.1, nodes must be at least 1",
            "3, 0, 2000, 30000, 127.0.0.1, quorumWrites must be within 1..3",
            "3, 4, 2000, 30000, 127.0.0.1, quorumWrites must be within 1..3",
            "3, 2, 0,    30000, 127.0.0.1, must be positive",
            "3, 2, 2000, -1,    127.0.0.1, must be positive",
            "3, 2, 2000, 30000, ' ',       host is required",
    })
    void rejectsBrokenRules(int nodes, int w, long timeout, long start, String host, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterSpec.builder(PROFILE, Path.of("w")).nodes(nodes).quorumWrites(w)
                        .quorumTimeoutMs(timeout).startTimeoutMs(start).host(host).build());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
