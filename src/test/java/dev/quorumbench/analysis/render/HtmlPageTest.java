package dev.quorumbench.analysis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.analysis.compare.Comparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlPageTest {

    @ParameterizedTest(name = "run pass {0}, baseline {1} -> green {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
        # run passed | baseline outcome | drawn green
        true         | none             | true
        false        | none             | false
        true         | NO_REGRESSION    | true
        true         | INCONCLUSIVE     | false
        true         | REGRESSION       | false
        false        | NO_REGRESSION    | false
        """)
    void onlyAPassWithoutAnUndecidedBaselineIsGreen(boolean pass, Comparison.Outcome outcome, boolean green) {
        assertEquals(green, HtmlPage.good(pass, outcome));
    }
}
