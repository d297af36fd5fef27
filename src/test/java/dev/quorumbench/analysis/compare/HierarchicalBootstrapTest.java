package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HierarchicalBootstrapTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                        | base units            | head units            | estimate | excludes 0
        clear shift of +3                             | 2 2.1 1.9 / 2.2 1.8 2 | 5 5.1 4.9 / 5.2 4.8 5 | 3        | true
        same values                                   | 2 2.1 1.9 / 2.2 1.8 2 | 2 2.1 1.9 / 2.2 1.8 2 | 0        | false
        within-unit noise larger than the shift       | 1 9 1 / 9 1 9         | 2 10 2 / 10 2 10      | 1        | false
        """)
    void estimateAndInterval(String name, String base, String head, double estimate, boolean excludesZero) {
        HierarchicalBootstrap.Interval i = HierarchicalBootstrap.difference(units(base), units(head), 0.95,
                HierarchicalBootstrap.RESAMPLES, 1);
        assertEquals(estimate, i.estimate(), 1e-9);
        assertTrue(i.low() <= i.estimate() && i.estimate() <= i.high(), i.toString());
        assertEquals(excludesZero, i.excludesZero(), i.toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "42"})
    void sameSeedSameInterval(long seed) {
        List<double[]> b = units("1 2 3 / 2 3 4 / 3 4 5");
        List<double[]> h = units("2 3 4 / 3 4 5 / 4 5 6");
        assertEquals(HierarchicalBootstrap.difference(b, h, 0.95, 500, seed),
                HierarchicalBootstrap.difference(b, h, 0.95, 500, seed));
    }

    static List<double[]> units(String text) {
        return java.util.Arrays.stream(text.split("/")).map(VerdictRuleTest::parse).toList();
    }
}
