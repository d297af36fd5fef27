package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorumbench.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinEffectTest {

    @ParameterizedTest(name = "abs {0} rel {1}: {2} -> {3} reached={4}")
    @CsvSource(textBlock = """
        0.5,   0.10, 10,    11,     true
        0.5,   0.10, 10,    10.9,   false
        0.5,   0.10, 1,     1.4,    false
        0.5,   0.10, 20,    21.5,   false
        0.5,   0.10, 20,    18,     true
        0.002, 0,    0.998, 0.996,  true
        0.002, 0,    0.998, 0.9961, false
        1,     0,    0,     1,      true
        1,     0,    0,     0,      false
        0,     0,    3,     3,      false
        0,     0,    3,     3.001,  true
        10,    0.10, 0,     10,     true
        """)
    void reachedOnlyWhenBothMinimaAre(double absolute, double relative, double base, double head, boolean reached) {
        assertEquals(reached, new MinEffect(absolute, relative).reachedBy(base, head));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        latency=15%,1      | latency_p99       | 1     | 0.15
        latency_p99=2      | latency_p99       | 2     | 0.10
        latency_p99=2      | latency_p50       | 0.5   | 0.10
        latency=25%        | latency_max       | 0.5   | 0.25
        convergence=0.005  | replica_convergence | 0.005 | 0
        time=100,20%       | recovery_ms       | 100   | 0.20
        """)
    void optionSetsTheNamedParts(String spec, String metric, double absolute, double relative) {
        CompareSettings s = MinEffectOption.apply(CompareSettings.defaults(), spec);
        assertEquals(new MinEffect(absolute, relative), s.minEffect(Metric.byKeyOrGroup(metric).get(0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        latency
        nosuch=1
        latency=abc
        latency=-1
        =1
        latency=
        latency=,
        latency=1,
        latency=,15%
        latency= ,
        latency=1,2
        latency=5%,10%
        latency=15%,1,2
        """)
    void badOptionIsInvalidInput(String spec) {
        assertThrows(InvalidInputException.class, () -> MinEffectOption.apply(CompareSettings.defaults(), spec));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        0.5 | 0.1 | ms | 10% and 0.5 ms
        0.002 | 0 |   | 0.002
        """)
    void describesItself(double absolute, double relative, String unit, String text) {
        assertEquals(text, new MinEffect(absolute, relative).describe(unit == null ? "" : unit));
    }
}
