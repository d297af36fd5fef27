package dev.quorumbench.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentileAxisTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        0    | 0%
        1    | 90%
        2    | 99%
        3    | 99.9%
        4    | 99.99%
        5    | 99.999%
        0.5  | ''
        2.5  | ''
        -1   | ''
        """)
    void labelsWholeDecadesAsPercentiles(double position, String label) {
        assertEquals(label, PercentileAxis.label(position));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
        0,       5, 0
        0.9,     5, 1
        0.99,    5, 2
        0.999,   5, 3
        0.99999, 4, 4
        1.0,     4, 4
        0.5,     5, 0.30103
        """)
    void placesPercentilesOnTheInverseTailAxis(double fraction, double max, double position) {
        assertEquals(position, PercentileAxis.position(fraction, max), 1e-5);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
        0,     1
        5,     1
        100,   2
        20000, 4.30103
        """)
    void axisEndsWhereTheSampleRunsOut(long count, double max) {
        assertEquals(max, PercentileAxis.maxPosition(count), 1e-5);
    }
}
