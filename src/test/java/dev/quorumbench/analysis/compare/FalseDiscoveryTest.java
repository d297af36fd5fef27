package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FalseDiscoveryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                   | p                           | q (Benjamini-Hochberg)
        one test is left as it is                | 0.03                        | 0.03
        q(k) = min over j >= k of p(j) m / j   | 0.01 0.5 0.6 0.9            | 0.04 0.8 0.8 0.9
        step-up keeps q monotone                 | 0.01 0.02 0.03 0.04         | 0.04 0.04 0.04 0.04
        order of input does not matter           | 0.04 0.01 0.03 0.02         | 0.04 0.04 0.04 0.04
        q never exceeds 1                        | 0.9 0.95                    | 0.95 0.95
        untested entries stay out of the family  | 0.01 NaN 0.02               | 0.02 NaN 0.02
        """)
    void adjusts(String name, String p, String q) {
        assertArrayEquals(parse(q), FalseDiscovery.adjust(parse(p)), 1e-12);
    }

    static double[] parse(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
