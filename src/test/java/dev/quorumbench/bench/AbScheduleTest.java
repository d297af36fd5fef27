package dev.quorumbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbScheduleTest {

    /** The first cycles of a fork, A = base, B = head, as the schedule must order them. */
    @ParameterizedTest(name = "block {0}: {1}")
    @CsvSource({
            "1, ABBAABBAAB",
            "2, AABBBBAAAABBBBAA",
            "3, AAABBBBBBAAAAAABBB",
    })
    void ordersCyclesInAbbaBlocks(int blockCycles, String expected) {
        StringBuilder got = new StringBuilder();
        for (int i = 0; i < expected.length(); i++) {
            got.append(AbSchedule.arm(i, blockCycles) == AbSchedule.BASE ? 'A' : 'B');
        }
        assertEquals(expected, got.toString());
    }

    @ParameterizedTest(name = "{0} cycles per arm, block {1}")
    @CsvSource({"20, 2", "8, 1", "12, 3", "6, 6"})
    void givesEachArmItsCyclesWhenTheArmsCyclesAreWholeBlocks(int cyclesPerArm, int blockCycles) {
        int base = 0;
        for (int i = 0; i < 2 * cyclesPerArm; i++) {
            base += AbSchedule.arm(i, blockCycles) == AbSchedule.BASE ? 1 : 0;
        }
        assertEquals(cyclesPerArm, base);
    }

    @ParameterizedTest(name = "index {0}, block {1} -> block {2}")
    @CsvSource({"0, 2, 0", "1, 2, 0", "2, 2, 1", "7, 3, 2"})
    void numbersTheBlocks(long index, int blockCycles, long block) {
        assertEquals(block, AbSchedule.block(index, blockCycles));
    }

    @ParameterizedTest(name = "index {0}, block {1}")
    @CsvSource({"-1, 1", "0, 0"})
    void refusesImpossibleArguments(long index, int blockCycles) {
        assertThrows(IllegalArgumentException.class, () -> AbSchedule.arm(index, blockCycles));
    }
}
