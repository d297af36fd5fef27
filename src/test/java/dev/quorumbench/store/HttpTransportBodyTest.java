package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An answer's body is decoded as EntityUtils decoded it, with or without an announced length, and cut at the cap. */
class HttpTransportBodyTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "application/json",
        "application/json; charset=ISO-8859-1",
        "text/plain; charset=utf-8",
        "text/plain",
        "text/html",
        "application/x-unknown",
        "null",
    })
    void aBodyDecodesAsEntityUtilsDecodedIt(String contentType) throws Exception {
        byte[] bytes = "{\"title\":\"caf\u00e9 \u2713\"}".getBytes(StandardCharsets.UTF_8);
        ContentType type = ContentType.parse(contentType);
        assertEquals(EntityUtils.toString(new ByteArrayEntity(bytes, type), 1 << 20),
                HttpTransport.body(new ByteArrayEntity(bytes, type)));
    }

    @ParameterizedTest
    @CsvSource({
        "application/json,                       UTF-8",
        "application/json; charset=ISO-8859-1,   ISO-8859-1",
        "text/plain; charset=utf-8,              UTF-8",
        "application/x-unknown,                  UTF-8",
    })
    void theCharsetIsTheTypesElseItsMimeDefaultElseUtf8(String contentType, String charset) {
        assertEquals(Charset.forName(charset), HttpTransport.charset(contentType));
    }

    @Test
    void aUtf8JsonBodyWithAnAnnouncedLengthIsDecoded() throws Exception {
        String json = "{\"title\":\"caf\u00e9 \u2713\"}";
        ByteArrayEntity e = new ByteArrayEntity(json.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON);
        assertEquals(json, HttpTransport.body(e));
    }

    @Test
    void aChunkedBodyIsDecodedWhole() throws Exception {
        char[] text = new char[5_000];
        Arrays.fill(text, '\u00e9');
        String s = new String(text);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        InputStreamEntity e = new InputStreamEntity(new ByteArrayInputStream(bytes), -1, ContentType.APPLICATION_JSON);
        assertEquals(s, HttpTransport.body(e));
    }

    @Test
    void aBodyPastTheCapIsCutThere() throws Exception {
        byte[] bytes = new byte[HttpTransport.MAX_BODY_BYTES + 10_000];
        Arrays.fill(bytes, (byte) 'x');
        InputStreamEntity e = new InputStreamEntity(new ByteArrayInputStream(bytes), -1, ContentType.TEXT_PLAIN);
        assertEquals(HttpTransport.MAX_BODY_BYTES, HttpTransport.body(e).length());
    }

    @Test
    void anEmptyBodyIsEmpty() throws Exception {
        assertEquals("", HttpTransport.body(new ByteArrayEntity(new byte[0], ContentType.APPLICATION_JSON)));
    }
}
