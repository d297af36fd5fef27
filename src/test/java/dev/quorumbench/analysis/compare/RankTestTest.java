package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankTestTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                   | base             | head              | p (exact where no ties)
        4 vs 4, fully separated: 2/C(8,4)        | 1 2 3 4          | 5 6 7 8           | 0.028571
        5 vs 5, fully separated: 2/C(10,5)       | 1 2 3 4 5        | 6 7 8 9 10        | 0.007937
        3 vs 3, fully separated: 2/C(6,3)        | 1 2 3            | 4 5 6             | 0.1
        interleaved                              | 1 3 5 7          | 2 4 6 8           | 0.685714
        every value equal                        | 2 2 2 2          | 2 2 2 2           | 1
        """)
    void exactPValues(String name, String base, String head, double p) {
        assertEquals(p, RankTest.pValue(VerdictRuleTest.parse(base), VerdictRuleTest.parse(head)), 1e-6);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
        3  | 3  | 0.1
        4  | 4  | 0.028571
        2  | 10 | 0.030303
        10 | 10 | 0.0000108
        """)
    void smallestPValue(int n, int m, double p) {
        assertEquals(p, RankTest.smallestPValue(n, m), 1e-6);
    }
}
