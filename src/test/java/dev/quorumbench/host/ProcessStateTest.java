package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /proc stat lines and state letters to process states, table-driven (pure). */
class ProcessStateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4242 (java) S 1 4242 4242 0 -1|S|RUNNING",
            "17 (sleep) T 1 17 17 0 -1|T|STOPPED",
            "9 (my (odd) name) R 1 9|R|RUNNING",
            "5 (a) b) Z 1|Z|GONE",
            "6 (gdb target) t 1|t|STOPPED",
            "7 (io) D 1|D|RUNNING",
            "8 (dead) X 1|X|GONE",
    })
    void stateIsTheFieldAfterTheLastParenthesis(String line, char letter, ProcessState state) {
        assertEquals(letter, ProcStat.stateLetter(line));
        assertEquals(state, ProcessState.ofStatLetter(letter));
    }

    @Test
    void rejectsALineWithoutState() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.stateLetter("garbage"));
    }

    @Test
    void capabilityIsTheThingOrTheReason() {
        Capability<String> yes = Capability.available("iptables");
        Capability<String> no = Capability.unavailable("needs root");
        assertEquals("iptables", yes.value().orElseThrow());
        assertEquals("needs root", no.reason().orElseThrow());
        assertEquals(java.util.Optional.empty(), yes.reason());
        assertEquals(java.util.Optional.empty(), no.value());
        assertThrows(IllegalArgumentException.class, () -> Capability.unavailable(" "));
    }
}
