package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WriteRequestParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"namespace":"n","title":"t","content":"c"}                                   | 0   |
            {"namespace":"n","title":"t","content":"c","tier":"long","priority":10}        | 0   |
            {"namespace":"n","title":"t","content":"c","confidence":0}                     | 0   |
            {"namespace":"n","title":"t","content":"c","metadata":null,"tags":null}        | 0   |
            {"namespace":"n","title":"t","content":"c","unknown_field":1}                  | 0   |
            {"namespace":"n","title":"t","content":"c","on_conflict":"merge"}              | 0   |
            {"title":"t","content":"c"}                                                   | 400 | namespace
            {"namespace":"","title":"t","content":"c"}                                    | 400 | namespace
            {"namespace":"n","content":"c"}                                               | 400 | title
            {"namespace":"n","title":"t"}                                                 | 400 | content
            {"namespace":5,"title":"t","content":"c"}                                     | 400 | namespace
            {"namespace":"n","title":"t","content":"c","tier":"huge"}                      | 400 | tier
            {"namespace":"n","title":"t","content":"c","tags":"a"}                         | 400 | tags
            {"namespace":"n","title":"t","content":"c","tags":[1]}                         | 400 | tags
            {"namespace":"n","title":"t","content":"c","priority":0}                       | 400 | priority
            {"namespace":"n","title":"t","content":"c","priority":11}                      | 400 | priority
            {"namespace":"n","title":"t","content":"c","priority":5.5}                     | 400 | priority
            {"namespace":"n","title":"t","content":"c","priority":"5"}                     | 400 | priority
            {"namespace":"n","title":"t","content":"c","confidence":1.5}                   | 400 | confidence
            {"namespace":"n","title":"t","content":"c","confidence":-0.1}                  | 400 | confidence
            {"namespace":"n","title":"t","content":"c","source":7}                         | 400 | source
            {"namespace":"n","title":"t","content":"c","metadata":[1]}                     | 400 | metadata
            {"namespace":"n","title":"t","content":"c","on_conflict":"replace"}            | 400 | on_conflict
            [1,2]                                                                         | 400 | JSON object
            "just a string"                                                               | 400 | JSON object
            {"namespace":"n",                                                             | 400 | not valid JSON
            ''                                                                            | 400 | empty
            """)
    void validatesBodies(String body, int status, String messagePart) {
        if (status == 0) {
            WriteRequest r = WriteRequestParser.parse(body);
            assertEquals("n", r.namespace());
            return;
        }
        BadRequestException e = assertThrows(BadRequestException.class, () -> WriteRequestParser.parse(body));
        assertEquals(status, e.status());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @ParameterizedTest(name = "{0} of length {1} -> ok={2}")
    @CsvSource({
        "namespace, 128, true", "namespace, 129, false",
        "title, 512, true", "title, 513, false",
        "content, 65536, true", "content, 65537, false",
        "source, 256, true", "source, 257, false"})
    void enforcesFieldLengths(String field, int length, boolean ok) {
        var body = Json.MAPPER.createObjectNode().put("namespace", "n").put("title", "t").put("content", "c");
        body.put(field, "x".repeat(length));
        if (ok) {
            WriteRequestParser.parse(body);
        } else {
            BadRequestException e = assertThrows(BadRequestException.class, () -> WriteRequestParser.parse(body));
            assertTrue(e.getMessage().contains(field), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} tags of {1} chars -> ok={2}")
    @CsvSource({"32, 64, true", "33, 1, false", "1, 65, false"})
    void enforcesTagLimits(int count, int length, boolean ok) {
        var body = Json.MAPPER.createObjectNode().put("namespace", "n").put("title", "t").put("content", "c");
        var tags = body.putArray("tags");
        for (int i = 0; i < count; i++) {
            tags.add("t".repeat(length));
        }
        if (ok) {
            assertEquals(count, WriteRequestParser.parse(body).tags().size());
        } else {
            assertThrows(BadRequestException.class, () -> WriteRequestParser.parse(body));
        }
    }

    @ParameterizedTest(name = "metadata of {0} chars -> ok={1}")
    @CsvSource({"16000, true", "16400, false"})
    void enforcesMetadataSize(int length, boolean ok) {
        var body = Json.MAPPER.createObjectNode().put("namespace", "n").put("title", "t").put("content", "c");
        body.putObject("metadata").put("k", "v".repeat(length));
        if (ok) {
            WriteRequestParser.parse(body);
        } else {
            assertThrows(BadRequestException.class, () -> WriteRequestParser.parse(body));
        }
    }

    @Test
    void appliesDefaults() {
        WriteRequest r = WriteRequestParser.parse("{\"namespace\":\"n\",\"title\":\"t\",\"content\":\"c\"}");
        assertEquals(new WriteRequest("mid", "n", "t", "c", List.of(), 5, 1.0, "api", "{}", false), r);
    }

    @Test
    void keepsMetadataAsCompactJson() {
        WriteRequest r = WriteRequestParser.parse(
                "{\"namespace\":\"n\",\"title\":\"t\",\"content\":\"c\",\"metadata\":{ \"write_id\" : \"w-1\" }}");
        assertEquals("{\"write_id\":\"w-1\"}", r.metadataJson());
    }
}
