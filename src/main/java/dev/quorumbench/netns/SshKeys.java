package dev.quorumbench.netns;

import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes SSH key pairs with {@code ssh-keygen}: ECDSA P-256, which both OpenSSH and the JDK's own providers speak,
 * unencrypted (they live in a private directory and are deleted with it).
 */
public final class SshKeys {

    public static final Path KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final long TIMEOUT_MS = 10_000;

    private SshKeys() {
    }

    /** Writes {@code file} (private) and {@code file.pub}; returns the public key line. */
    public static String generate(Host machine, Path file, String comment) throws HostException {
        CommandResult r = machine.run(List.of(KEYGEN.toString(), "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", comment,
                "-f", file.toString()), null, TIMEOUT_MS);
        if (!r.ok()) {
            throw new HostException("ssh-keygen failed for " + file + ": " + r.firstLine());
        }
        try {
            return Files.readString(Path.of(file + ".pub")).strip();
        } catch (IOException e) {
            throw new HostException("cannot read " + file + ".pub: " + e.getMessage(), e);
        }
    }
}
