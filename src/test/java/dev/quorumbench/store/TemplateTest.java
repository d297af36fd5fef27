package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorumbench.InvalidInputException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The template engine, sealed by literal rows: placeholders, helpers, escaping and the errors they raise. */
class TemplateTest {

    private static final Map<String, String> VALUES = Map.of("id", "w1", "key", "/qb/ns/w1", "prefix", "/qb/ns/",
            "value", "a\"b\\c\n", "namespace", "ns a&b", "empty", "", "ff", "a\u00ff");
    private static final Set<String> NAMES = VALUES.keySet();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain text                  | plain text",
            "${id}                       | w1",
            "x-${id}-${id}               | x-w1-w1",
            "$id and $ {id}              | $id and $ {id}",
            "${base64:key}               | L3FiL25zL3cx",
            "${base64:range_end:prefix}  | L3FiL25zMA==",
            "${range_end:prefix}         | /qb/ns0",
            "${url:namespace}            | ns+a%26b",
            "${json:value}               | a\\\"b\\\\c\\n",
            "${base64:empty}             | ``",
            "${base64:json:value}        | YVwiYlxcY1xu",
    })
    void rendersRawTemplates(String template, String expected) {
        assertEquals(expected, Template.compile(template, NAMES, Template.Escape.NONE, "f").render(VALUES::get));
    }

    @Test
    void aJsonBodyEscapesEveryValue() {
        Template t = Template.compile("{\"v\":\"${value}\",\"n\":\"${namespace}\"}", NAMES, Template.Escape.JSON, "f");
        assertEquals("{\"v\":\"a\\\"b\\\\c\\n\",\"n\":\"ns a&b\"}", t.render(VALUES::get));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[1, 2]             | [1, 3]",
            "[1, -1]            | [2]",
            "[-1, -1]           | [0]",
            "[]                 | [0]",
            "[47, 113, 98, 47]  | [47, 113, 98, 48]",
    })
    void rangeEndIsThePrefixWithItsLastByteIncremented(String in, String out) {
        assertEquals(out, java.util.Arrays.toString(TemplateHelper.rangeEnd(bytes(in))));
    }

    private static byte[] bytes(String list) {
        String inner = list.strip().substring(1, list.strip().length() - 1).strip();
        if (inner.isEmpty()) {
            return new byte[0];
        }
        String[] parts = inner.split(",");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i].strip());
        }
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "${vaule}          | f: unknown placeholder ${vaule} (known here:",
            "a ${id            | f: unterminated placeholder in \"a ${id\"",
            "${b64:id}         | f: unknown helper 'b64' in ${b64:id} (helpers: base64, url, json, range_end)",
            "${base64:}        | f: unknown placeholder ${base64:}",
    })
    void badTemplatesNameTheFieldInOneLine(String template, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Template.compile(template, NAMES, Template.Escape.NONE, "f"));
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }
}
