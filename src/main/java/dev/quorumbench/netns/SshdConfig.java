package dev.quorumbench.netns;

import java.nio.file.Path;

/**
 * The configuration of an sshd the harness runs itself (pure): one listen address, one host key, key login only,
 * and nothing read from the machine's own {@code /etc/ssh}.
 *
 * @param listenAddress  the address to listen on
 * @param port           the port
 * @param hostKey        the private host key file
 * @param authorizedKeys the file of public keys allowed to log in
 * @param pidFile        where sshd writes its pid, or null for none (foreground use)
 */
public record SshdConfig(String listenAddress, int port, Path hostKey, Path authorizedKeys, Path pidFile) {

    /** The sshd_config text. */
    public String text() {
        // StrictModes off: the key files live in a private temporary directory whose parents (/tmp) are
        // world-writable, which sshd's ownership walk would refuse although nobody else can reach the files.
        // UsePAM off: key login needs no PAM session, and PAM in a container often fails.
        // MaxSessions above the client's channel cap (SshSession.MAX_CHANNELS).
        // SetEnv SHLVL=1: sshd runs every command through the login shell, and Debian's bash then sources
        // ~/.bashrc when SSH_CLIENT is set, unless it is nested (SHLVL >= 1). The machine's root ~/.bashrc is not
        // part of a simulated host, and on this machine (pyenv) it cost 150-500 ms per command, ahead of every
        // signal, probe and flush; real hosts keep their own (README: what the hosts need).
        // No rc file is skipped for an interactive login.
        return "ListenAddress " + listenAddress + ":" + port + "\n"
                + "HostKey " + hostKey + "\n"
                + "AuthorizedKeysFile " + authorizedKeys + "\n"
                + "PidFile " + (pidFile == null ? "none" : pidFile.toString()) + "\n"
                + "PubkeyAuthentication yes\n"
                + "PasswordAuthentication no\n"
                + "KbdInteractiveAuthentication no\n"
                + "PermitRootLogin prohibit-password\n"
                + "UsePAM no\n"
                + "StrictModes no\n"
                + "MaxSessions 32\n"
                + "SetEnv SHLVL=1\n"
                + "X11Forwarding no\n"
                + "AllowTcpForwarding no\n"
                + "PrintMotd no\n"
                + "LogLevel ERROR\n";
    }

    /** A known-hosts line for a server at {@code host:port} whose public key file reads {@code publicKeyLine}. */
    public static String knownHostsLine(String host, int port, String publicKeyLine) {
        String[] f = publicKeyLine.strip().split("\\s+");
        if (f.length < 2) {
            throw new IllegalArgumentException("not a public key line: " + publicKeyLine);
        }
        String name = port == 22 ? host : "[" + host + "]:" + port;
        return name + " " + f[0] + " " + f[1];
    }
}
