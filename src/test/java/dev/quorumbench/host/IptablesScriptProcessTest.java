package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The apply and flush scripts run by a real {@code sh} with {@code /bin/true} or {@code /bin/false} in iptables'
 * place: their exit is the rules' command's, whether or not the host has a {@code date} to stamp with.
 */
@Tag("process")
class IptablesScriptProcessTest {

    @ParameterizedTest(name = "[{index}] {0} {1} PATH={2}")
    @CsvSource({
        "APPLY, /bin/true,  /usr/bin:/bin,   0, true",
        "APPLY, /bin/true,  /nonexistent,    0, false",
        "APPLY, /bin/false, /usr/bin:/bin,   1, false",
        "APPLY, /bin/false, /nonexistent,    1, false",
        "FLUSH, /bin/true,  /usr/bin:/bin,   0, true",
        "FLUSH, /bin/true,  /nonexistent,    0, false",
        "FLUSH, /bin/false, /usr/bin:/bin,   1, false",
    })
    void theRulesExitDecidesAndTheStampIsOptional(String script, String rulesCommand, String path, int exit,
                                                  boolean stamped) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script.equals("APPLY") ? Iptables.APPLY : Iptables.FLUSH,
                rulesCommand, "QB-1").redirectErrorStream(true);
        pb.environment().put("PATH", path);
        Process p = pb.start();
        try {
            p.getOutputStream().close();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "sh did not finish in 10 s");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(exit, p.exitValue(), out);
            OptionalLong stamp = Iptables.hostStamp(out);
            assertEquals(stamped, stamp.isPresent(), out);
            assertEquals(List.of(), stamped ? List.of() : out.lines().filter(l -> l.matches("\\d+")).toList());
        } finally {
            p.destroyForcibly();
        }
    }
}
