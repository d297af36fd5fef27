package dev.quorumbench.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach one host over SSH.
 *
 * @param user       the login name there
 * @param host       its name or address
 * @param port       sshd's port there
 * @param keyFile    the private key (OpenSSH or PEM, unencrypted) the harness logs in with
 * @param knownHosts the known-hosts file the host's key must be listed in; there is no trust-on-first-use
 */
public record SshEndpoint(String user, String host, int port, Path keyFile, Path knownHosts) {

    public SshEndpoint {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an SSH endpoint needs a user");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an SSH endpoint needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port out of range: " + port);
        }
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(knownHosts, "knownHosts");
    }

    /** {@code user@host:port}, for messages. */
    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
