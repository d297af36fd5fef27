package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled ai-memory profile's ${env:AI_MEMORY_BIN} is checked before anything starts (issue 11: unset, the run
 * started JMH and left a partial run whose table named a mechanism although nothing ran).
 */
class ProfileEnvironmentTest {

    @ParameterizedTest(name = "AI_MEMORY_BIN={0}")
    @CsvSource(delimiter = '|', value = {
            "''                          | AI_MEMORY_BIN is not set: target ai-memory needs ${env:AI_MEMORY_BIN}",
            "/no/such/ai-memory          | AI_MEMORY_BIN=/no/such/ai-memory: not an executable file",
            "/etc                        | AI_MEMORY_BIN=/etc: not an executable file",
    })
    void aMissingOrUnrunnableBinaryIsRefusedWithOneLine(String bin, String expected) {
        Map<String, String> env = new HashMap<>();
        env.put("AI_MEMORY_BIN", bin);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ProfileEnvironment.check(TargetProfile.resolve("ai-memory"), env::get));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void anExecutableOrAPathLookupPasses() {
        ProfileEnvironment.check(TargetProfile.resolve("ai-memory"), Map.of("AI_MEMORY_BIN", "/bin/sh")::get);
        ProfileEnvironment.check(TargetProfile.resolve("ai-memory"), Map.of("AI_MEMORY_BIN", "ai-memory")::get);
        ProfileEnvironment.check(TargetProfile.resolve("reference"), Map.<String, String>of()::get);
    }
}
