package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.cluster.TargetProfile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome-rule matcher, sealed by literal rows, and the bundled ai-memory rules. */
class OutcomeRulesTest {

    private static final OutcomeRules AI_MEMORY = TargetProfile.resolve("ai-memory-declarative").http().outcomes();

    /** The rows the replaced hand-written client gave (the two agreed on every row before it was removed). */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "201 | {\"id\":\"m1\",\"quorum_acks\":2} | CREATED",
            "200 | {\"id\":\"m1\"} | CREATED",
            "201 | {\"id\":\"\"} | GARBAGE",
            "201 | {\"id\":null} | GARBAGE",
            "201 | not json | GARBAGE",
            "201 | [\"id\"] | GARBAGE",
            "201 | '' | GARBAGE",
            "204 | '' | GARBAGE",
            "302 | {\"id\":\"m1\"} | GARBAGE",
            "503 | {\"error\":\"quorum_not_met\",\"got\":1,\"needed\":2} | QUORUM_NOT_MET",
            "503 | quorum_not_met | SERVER_ERROR",
            "503 | {\"error\":\"overloaded\"} | SERVER_ERROR",
            "500 | {\"error\":\"quorum_not_met\"} | SERVER_ERROR",
            "409 | {\"error\":\"conflict\"} | CONFLICT",
            "400 | {\"error\":\"invalid\"} | REJECTED",
            "413 | too large | REJECTED",
            "408 | '' | BUSY",
            "429 | '' | BUSY",
            "101 | '' | GARBAGE",
    })
    void theAiMemoryRulesClassifyEveryAnswer(int status, String body, AttemptResult expected) {
        assertEquals(expected, AI_MEMORY.classify(status, body));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // rules (JSON array) | status | body | result
            "[{\"status\":[\"2xx\"],\"result\":\"ok\"}] | 204 | '' | CREATED",
            "[{\"status\":[\"2xx\"],\"result\":\"ok\"}] | 500 | '' | GARBAGE",
            "[{\"pointer\":\"/header/revision\",\"result\":\"created\"}] | 200 | {\"header\":{\"revision\":\"7\"}} | CREATED",
            "[{\"pointer\":\"/header/revision\",\"result\":\"created\"}] | 200 | {\"header\":{}} | GARBAGE",
            "[{\"pointer\":\"/error\",\"present\":false,\"result\":\"created\"}] | 200 | {} | CREATED",
            "[{\"pointer\":\"/error\",\"present\":false,\"result\":\"created\"}] | 200 | {\"error\":\"x\"} | GARBAGE",
            // A body that is not JSON (a proxy's page) matches no pointer rule, "present: false" included.
            "[{\"pointer\":\"/error\",\"present\":false,\"result\":\"created\"}] | 200 | <html>bad gateway</html> | GARBAGE",
            "[{\"pointer\":\"/code\",\"equals\":\"14\",\"result\":\"server_error\"}] | 503 | {\"code\":14} | SERVER_ERROR",
            "[{\"pointer\":\"/code\",\"equals\":\"14\",\"result\":\"server_error\"}] | 503 | {\"code\":{\"v\":14}} | GARBAGE",
            "[{\"status\":[503],\"body_contains\":\"leader\",\"result\":\"quorum_not_met\"}] | 503 | no leader | QUORUM_NOT_MET",
            "[{\"status\":[503],\"body_contains\":\"leader\",\"result\":\"quorum_not_met\"}] | 503 | down | GARBAGE",
            "[{\"status\":[\"4xx\"],\"result\":\"rejected\"},{\"status\":[400],\"result\":\"busy\"}] | 400 | '' | REJECTED",
            "[{\"status\":[409],\"result\":\"conflict\"}] | 409 | '' | CONFLICT",
    })
    void rulesMatchInOrderOnStatusPointerAndBody(String rules, int status, String body, AttemptResult expected)
            throws Exception {
        List<HttpStoreSpec.Outcome> specs = List.of(new ObjectMapper()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .readValue(rules, HttpStoreSpec.Outcome[].class));
        assertEquals(expected, OutcomeRules.compile(specs, null, "protocol.outcomes").classify(status, body));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "200 | CREATED", "201 | CREATED", "204 | CREATED", "202 | GARBAGE", "408 | BUSY", "429 | BUSY", "409 | CONFLICT", "404 | REJECTED",
            "500 | SERVER_ERROR", "503 | SERVER_ERROR", "302 | GARBAGE",
    })
    void withoutRulesHttpStatusDecides(int status, AttemptResult expected) {
        assertEquals(expected, OutcomeRules.compile(null, null, "protocol.outcomes").classify(status, "x"));
    }
}
