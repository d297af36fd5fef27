package dev.quorumbench.analysis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableTest {

    static final Table T = Table.of(List.of("fault", "p99 ms:", "result"),
            List.of(List.of("a|b", "1.500", "**FAIL**"), List.of("<x>", "2", "`ok`")));

    @Test
    void markdownRightAlignsNumbersAndEscapesPipes() {
        assertEquals("""
                | fault | p99 ms | result |
                |---|---:|---|
                | a\\|b | 1.500 | **FAIL** |
                | <x> | 2 | `ok` |
                """, T.markdown());
    }

    @Test
    void htmlEscapesTextAndKeepsEmphasis() {
        assertEquals("""
                <table>
                <thead><tr><th>fault</th><th class="num">p99 ms</th><th>result</th></tr></thead>
                <tbody>
                <tr><td>a|b</td><td class="num">1.500</td><td><strong>FAIL</strong></td></tr>
                <tr><td>&lt;x&gt;</td><td class="num">2</td><td><code>ok</code></td></tr>
                </tbody>
                </table>
                """, T.html());
    }

    @Test
    void rowsMustFitTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> Table.of(List.of("a", "b"), List.of(List.of("1"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        plain           | plain
        a<b>&"c'        | a&lt;b&gt;&amp;&quot;c&#39;
        """)
    void escapes(String in, String out) {
        assertEquals(out, Html.escape(in));
    }
}
