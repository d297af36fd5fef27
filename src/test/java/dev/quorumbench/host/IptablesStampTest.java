package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The host clock an iptables command prints after itself, when it can: the last line, epoch nanoseconds, or none. */
class IptablesStampTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "1764376000123456789|1764376000123456789",
        "'warning: xtables lock\n1764376000123456789'|1764376000123456789",
        "'  1764376000123456789  \n'|1764376000123456789",
        "1764376000%N|NONE",
        "''|NONE",
        "'1764376000123456789\niptables: error'|NONE",
        "12345|NONE",
        "'sh: 1: date: not found'|NONE",
    })
    void theStampIsTheLastLineWhenItIsEpochNanoseconds(String output, String expected) {
        assertEquals(expected == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(expected)),
                Iptables.hostStamp(output));
    }

    /** The rules' own exit is the script's: {@code date} runs only after success, and its absence changes nothing. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "'\"$0\" -w 2 --noflush || exit; date +%s%N 2>/dev/null; exit 0', APPLY",
        "'\"$0\" -w 2 -F \"$1\" || exit; date +%s%N 2>/dev/null; exit 0', FLUSH",
    })
    void theStampNeverDecidesTheExit(String expected, String script) {
        assertEquals(expected, script.equals("APPLY") ? Iptables.APPLY : Iptables.FLUSH);
    }
}
