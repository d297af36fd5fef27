package dev.quorumbench.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sshd_config the namespace cluster's hosts run with, as text: key login only, nothing from /etc/ssh. */
class SshdConfigTest {

    @Test
    void theConfigIsKeyOnlyOnOneAddressAndCommandsSkipTheMachinesBashrc() {
        SshdConfig c = new SshdConfig("10.213.77.10", 22, Path.of("/t/host_key"), Path.of("/t/authorized_keys"),
                Path.of("/t/sshd.pid"));
        assertEquals("""
                ListenAddress 10.213.77.10:22
                HostKey /t/host_key
                AuthorizedKeysFile /t/authorized_keys
                PidFile /t/sshd.pid
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                UsePAM no
                StrictModes no
                MaxSessions 32
                SetEnv SHLVL=1
                X11Forwarding no
                AllowTcpForwarding no
                PrintMotd no
                LogLevel ERROR
                """, c.text());
        assertEquals("PidFile none", new SshdConfig("a", 2222, Path.of("k"), Path.of("a"), null).text().lines()
                .filter(l -> l.startsWith("PidFile")).findFirst().orElseThrow());
    }

    @Test
    void knownHostsNamesANonStandardPortInBrackets() {
        assertEquals("10.0.0.1 ssh-ed25519 AAAA", SshdConfig.knownHostsLine("10.0.0.1", 22, "ssh-ed25519 AAAA root@x"));
        assertEquals("[127.0.0.1]:2222 ssh-rsa BBBB", SshdConfig.knownHostsLine("127.0.0.1", 2222, "ssh-rsa BBBB\n"));
    }
}
