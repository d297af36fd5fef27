package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.time.Await;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The apply and flush scripts run by a real {@code sh} with {@code /bin/true} or {@code /bin/false} in iptables'
 * place: their exit is the rules' command's, whether or not the host has a {@code date} to stamp with. And the
 * disarm script really ends an armed command that got its trigger, with everything it started.
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

    /**
     * An armed command as a remote host runs it ({@code timeout} → {@code sh} waiting for {@code go} → the command),
     * triggered, its command still running (a {@code sleep} in iptables' place): the disarm script for its tag leaves
     * none of the three alive, and spares an armed command with another tag.
     */
    @Test
    void disarmKillsTheTriggeredArmedCommandAndWhatItStartedOnly() throws Exception {
        Process armed = armedSleep("4000000001");
        Process other = armedSleep("4000000002");
        List<ProcessHandle> tree = new ArrayList<>(List.of(armed.toHandle()));
        try {
            assertTrue(Await.until(() -> armed.descendants().anyMatch(h -> h.info().command().orElse("").endsWith("sleep")),
                    10_000, 20), "the armed command got go and started its sleep");
            armed.descendants().forEach(tree::add);
            Process disarm = new ProcessBuilder("/bin/sh", "-c", Iptables.DISARM, Iptables.disarmPattern("4000000001"))
                    .redirectErrorStream(true).start();
            assertTrue(disarm.waitFor(10, TimeUnit.SECONDS), "disarm did not finish in 10 s");
            assertEquals(0, disarm.exitValue());
            assertTrue(Await.until(() -> tree.stream().noneMatch(ProcessHandle::isAlive), 10_000, 20),
                    "still alive: " + tree.stream().filter(ProcessHandle::isAlive).map(h -> h.info().commandLine()
                            .orElse(Long.toString(h.pid()))).toList());
            assertTrue(other.isAlive(), "another armed command is left alone");
        } finally {
            tree.forEach(ProcessHandle::destroyForcibly); // a child the disarm missed is no descendant any more
            for (Process p : List.of(armed, other)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /** {@code timeout} as the remote armed script runs it, fed {@code go}, holding a 60 s sleep tagged {@code id}. */
    private static Process armedSleep(String id) throws Exception {
        Process p = new ProcessBuilder("timeout", "-s", "KILL", "60", "sh", "-c",
                "IFS= read -r go && [ \"$go\" = go ] && exec \"$@\"", "armed", "sh", "-c", "sleep 60; echo done",
                "/usr/sbin/iptables", Iptables.ARMED_TAG + id).redirectErrorStream(true).start();
        p.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        return p;
    }
}
