package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One SSH host per endpoint in a JVM, and a closed one replaced: a second run in the same JVM (the campaign tests
 * run one after another in one) once got the first run's closed host and failed with "SshClient not started".
 */
class SshHostsTest {

    @Test
    void theRegistrySharesAnOpenHostAndReplacesAClosedOne() {
        SshEndpoint e = new SshEndpoint("root", "192.0.2.7", 2222, Path.of("/nonexistent/key"),
                Path.of("/nonexistent/known_hosts"));
        JavaCommand java = new JavaCommand("java", "");
        SshHost first = SshHosts.of(e, java);
        try {
            assertSame(first, SshHosts.of(e, java), "shared while open");
            first.close();
            assertTrue(first.closed());
            SshHost second = SshHosts.of(e, java);
            assertNotSame(first, second, "a closed host is replaced");
            assertFalse(second.closed());
            assertSame(second, SshHosts.of(e, java));
        } finally {
            SshHosts.of(e, java).close();
        }
    }
}
