package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholdersTest {

    private static final Map<String, String> VALUES = Map.of("host", "127.0.0.1", "port", "4000",
            "peers", "http://127.0.0.1:1,http://127.0.0.1:2", "db", "/w/node-0.db", "node_id", "node-0");
    private static final Map<String, String> ENV = Map.of("BIN", "/opt/ai-memory", "EMPTY", "");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain                        | plain",
            "${host}:${port}              | 127.0.0.1:4000",
            "--db=${db}                   | --db=/w/node-0.db",
            "${peers}                     | http://127.0.0.1:1,http://127.0.0.1:2",
            "${env:BIN}                   | /opt/ai-memory",
            "cost $5 and $x{y             | cost $5 and $x{y",
            "${node_id}-${node_id}        | node-0-node-0",
    })
    void expands(String template, String expected) throws ClusterException {
        assertEquals(expected, Placeholders.expand(template, VALUES, ENV::get));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${env:UNSET}   | UNSET is not set",
            "${env:EMPTY}   | EMPTY is not set",
            "x${env:NOPE}y  | NOPE is not set",
            "${quorum_writes} | no value for placeholder ${quorum_writes}",
    })
    void failsAtExpansion(String template, String messageStart) {
        ClusterException e = assertThrows(ClusterException.class, () -> Placeholders.expand(template, VALUES, ENV::get));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no placeholders          | ''",
            "${java} ${classpath}     | java classpath",
            "${env:AI_MEMORY_BIN}     | env:AI_MEMORY_BIN",
            "${harness_pid}${node_index} | harness_pid node_index",
            "${quorum_timeout_ms}     | quorum_timeout_ms",
            "--initial-cluster=${initial_cluster} | initial_cluster",
            "${peer_url} ${peer_port} ${campaign_id} | peer_url peer_port campaign_id",
    })
    void names(String template, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(want, Placeholders.names(template));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${hots}           | unknown placeholder ${hots}",
            "${}               | unknown placeholder ${}",
            "${env:}           | unknown placeholder ${env:}",
            "${env:1BAD}       | unknown placeholder ${env:1BAD}",
            "--port=${port     | unterminated placeholder",
    })
    void rejectsBadPlaceholders(String template, String messageStart) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Placeholders.names(template));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
