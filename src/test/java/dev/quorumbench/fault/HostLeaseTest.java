package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lease's token, timer and end as argv (pure): every value a positional argument, never spliced in. */
class HostLeaseTest {

    @ParameterizedTest
    @CsvSource({
            "0a1b2c3d, 4242, partition_minority, 1, /tmp/qb-lease-0a1b2c3d-4242-partition_minority-1",
            "ffffffff, 7, drop_random_acks, 12, /tmp/qb-lease-ffffffff-7-drop_random_acks-12"})
    void aTokenNamesTheHarnessTheFaultAndTheInstance(String machine, long pid, String fault, long seq, String path) {
        assertEquals(Path.of(path), HostLease.token(machine, pid, fault, seq));
    }

    @Test
    void aTokenRefusesAFaultThatIsNotAClassKey() {
        assertThrows(IllegalArgumentException.class, () -> HostLease.token("0a1b2c3d", 1, "../etc", 1));
    }

    @ParameterizedTest
    @CsvSource({"15500, 15.500", "1200, 1.200", "0, 0.000", "60001, 60.001"})
    void theTimerSleepsThenClaimsThenReverts(long afterMs, String seconds) {
        Path token = Path.of("/tmp/qb-lease-x");
        assertEquals(List.of("sh", "-c", "sleep \"$1\" && rm \"$2\" 2>/dev/null && shift 2 && exec \"$@\"", "qb-lease",
                seconds, "/tmp/qb-lease-x", "kill", "-CONT", "4242"),
                HostLease.timer(token, afterMs, List.of("kill", "-CONT", "4242")));
    }

    @Test
    void aTimerNeedsARevertAndATime() {
        assertThrows(IllegalArgumentException.class, () -> HostLease.timer(Path.of("/tmp/t"), 1000, List.of()));
        assertThrows(IllegalArgumentException.class, () -> HostLease.timer(Path.of("/tmp/t"), -1, List.of("true")));
    }

    @Test
    void endingClaimsTheTokenAndKillsTheTimerOnlyWhenItWasArmed() {
        assertEquals(List.of("sh", "-c", "if rm \"$1\" 2>/dev/null; then pkill -KILL -P \"$2\"; kill -KILL \"$2\" "
                + "2>/dev/null; echo armed; fi; true", "qb-lease-end", "/tmp/qb-lease-x", "99"),
                HostLease.end(Path.of("/tmp/qb-lease-x"), 99));
    }

    @Test
    void theClockLeaseWritesZeroAtomically() {
        assertEquals(List.of("sh", "-c", "printf '%s\\n' +0 > \"$1.lease\" && mv -f \"$1.lease\" \"$1\"",
                "qb-clock-lease", "/w/node-1.faketime"), FaketimeSkewFault.restore(Path.of("/w/node-1.faketime")));
    }
}
