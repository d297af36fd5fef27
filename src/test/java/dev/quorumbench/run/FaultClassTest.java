package dev.quorumbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.InvalidInputException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A fault class is its key everywhere it is written: file names, JSON values and JSON map keys. */
class FaultClassTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        KILL_PRIMARY_MID_WRITE | kill_primary_mid_write | sigkill         | phase4-kill_primary_mid_write.jsonl | latency-kill_primary_mid_write.hlog
        PARTITION_MINORITY     | partition_minority     | proxy-blackhole | phase4-partition_minority.jsonl     | latency-partition_minority.hlog
        DROP_RANDOM_ACKS       | drop_random_acks       | sigstop         | phase4-drop_random_acks.jsonl       | latency-drop_random_acks.hlog
        CLOCK_SKEW_PEER        | clock_skew_peer        | libfaketime     | phase4-clock_skew_peer.jsonl        | latency-clock_skew_peer.hlog
        """)
    void keysNameTheClassInFilesAndJson(FaultClass fault, String key, String defaultMechanism, String jsonl,
                                        String hlog) throws Exception {
        assertEquals(key, fault.key());
        assertEquals(key, fault.toString());
        assertEquals(fault, FaultClass.fromKey(key));
        assertEquals(defaultMechanism, fault.defaultMechanism());
        assertEquals(jsonl, RunFiles.cycleLogName(fault));
        assertEquals(hlog, RunFiles.latencyLogName(fault));
        assertEquals('"' + key + '"', JSON.writeValueAsString(fault));
        assertEquals(fault, JSON.readValue('"' + key + '"', FaultClass.class));
    }

    @Test
    void mapKeysAreWrittenAndReadByKey() throws Exception {
        Map<FaultClass, Integer> m = new EnumMap<>(FaultClass.class);
        m.put(FaultClass.CLOCK_SKEW_PEER, 1);
        m.put(FaultClass.KILL_PRIMARY_MID_WRITE, 2);

        String text = JSON.writeValueAsString(m);

        assertEquals("{\"kill_primary_mid_write\":2,\"clock_skew_peer\":1}", text);
        assertEquals(m, JSON.readValue(text, new TypeReference<Map<FaultClass, Integer>>() { }));
        assertEquals(List.of(FaultClass.DROP_RANDOM_ACKS),
                JSON.readValue("[\"drop_random_acks\"]", new TypeReference<List<FaultClass>>() { }));
    }

    @ParameterizedTest
    @CsvSource({"KILL_PRIMARY_MID_WRITE", "kill", "''", "partition-minority"})
    void anythingButAKeyIsAnInputErrorListingTheKeys(String key) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FaultClass.fromKey(key));

        assertEquals("unknown fault '" + key + "' (valid: kill_primary_mid_write, partition_minority, "
                + "drop_random_acks, clock_skew_peer)", e.getMessage());
    }
}
