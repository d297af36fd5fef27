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
            "value", "a\"b\\c\n", "namespace", "ns a&b", "empty", "", "ff", "a\u00ff", "plus", "a+b c/");
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
            "${url:namespace}            | ns%20a%26b",
            "${url:plus}                 | a%2Bb%20c%2F",
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
        badTemplate(template, Template.Escape.NONE, message);
    }

    /** A helper doing what the harness does anyway to that part of the request would escape the value twice. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"v\":\"${json:value}\"} | JSON  | f: ${json:value} would be escaped twice: every string of a JSON body is JSON-escaped by the harness (write ${value})",
            "${url:namespace}          | QUERY | f: ${url:namespace} would be escaped twice: every query value is URL-escaped by the harness (write ${namespace})",
            "a-${url:base64:id}        | QUERY | f: ${url:base64:id} would be escaped twice",
    })
    void aHelperTheHarnessAppliesAnywayIsRejected(String template, Template.Escape escape, String message) {
        badTemplate(template, escape, message);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"v\":\"${base64:json:value}\"} | JSON  | {\"v\":\"YVwiYlxcY1xu\"}",
            "${base64:url:namespace}          | QUERY | bnMlMjBhJTI2Yg==",
            "${json:value}                    | QUERY | a\\\"b\\\\c\\n",
    })
    void aHelperUnderAnotherIsNotEscapedTwice(String template, Template.Escape escape, String expected) {
        assertEquals(expected, Template.compile(template, NAMES, escape, "f").render(VALUES::get));
    }

    private static void badTemplate(String template, Template.Escape escape, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Template.compile(template, NAMES, escape, "f"));
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }
}
