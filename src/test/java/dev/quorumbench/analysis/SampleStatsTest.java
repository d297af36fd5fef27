package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nearest-rank percentiles of per-cycle samples. */
class SampleStatsTest {

    @ParameterizedTest(name = "{0} -> p50 {1} p99 {2} max {3}")
    @CsvSource(delimiter = ';', value = {
        "7;             7;  7;  7",
        "3 1 2;         2;  3;  3",
        "1 2 3 4;       2;  4;  4",
        "-5 10 0;       0;  10; 10",
    })
    void nearestRank(String values, long p50, long p99, long max) {
        List<Long> l = new ArrayList<>();
        for (String v : values.split(" ")) {
            l.add(Long.parseLong(v));
        }
        assertEquals(new SampleStats(l.size(), p50, p99, max), SampleStats.of(l));
    }

    @Test
    void hundredValuesP99IsTheNinetyNinth() {
        List<Long> l = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            l.add(i);
        }
        assertEquals(new SampleStats(100, 50, 99, 100), SampleStats.of(l));
    }

    @Test
    void emptyIsNull() {
        assertNull(SampleStats.of(List.of()));
    }
}
