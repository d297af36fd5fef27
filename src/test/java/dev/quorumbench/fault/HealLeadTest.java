package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The heal's lead: the (lower) median lateness of the last five heals, at most 100 ms and a quarter of the window. */
class HealLeadTest {

    @ParameterizedTest(name = "[{index}] heals {0}, window {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "''                  | 500  | 0",
        "30                  | 500  | 30",
        "20 60               | 500  | 20",
        "20 60 25            | 500  | 25",
        "19 24 60 61 30      | 500  | 30",
        "900 19 24 60 61 30  | 500  | 30",   // the oldest (900) has left the last five
        "400 400 400         | 500  | 100",  // capped at 100 ms
        "90 90 90            | 200  | 50",   // capped at a quarter of the window
        "30 -5 -5            | 500  | 0",    // heals done early count as on time
        "4000                | 500  | 0",    // not a heal started by the hold's end
        "4000 20             | 500  | 20",
        "1000 1000 20        | 500  | 100",  // 1 s late still counts (capped)
        "30                  | 0    | 0",
    })
    void theLeadIsTheCappedMedianOfTheLastFiveHeals(String heals, long windowMs, long expected) {
        HealLead lead = new HealLead();
        Arrays.stream(heals.trim().split("\\s+")).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong)
                .forEach(lead::record);
        assertEquals(expected, lead.leadMs(windowMs));
    }
}
