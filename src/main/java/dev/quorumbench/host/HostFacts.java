package dev.quorumbench.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a host offers the fault mechanisms, looked up once: so that choosing a mechanism is a pure decision.
 *
 * @param root            commands run as root there
 * @param procfs          process states can be read (a signal's effect can be verified)
 * @param signals         STOP and CONT can be sent there
 * @param firewall        the host's packet filter, or why it cannot be used
 * @param faketimeLibrary the libfaketime preload library there, if installed
 */
public record HostFacts(boolean root, boolean procfs, boolean signals, Capability<Firewall> firewall,
                        Optional<Path> faketimeLibrary) {

    /** Where Debian and most distributions install libfaketime; the first one a host can read is used. */
    public static final List<Path> FAKETIME_CANDIDATES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"),
            Path.of("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"),
            Path.of("/usr/lib/faketime/libfaketime.so.1"),
            Path.of("/usr/lib64/faketime/libfaketime.so.1"),
            Path.of("/usr/local/lib/faketime/libfaketime.so.1"));

    /** The first libfaketime candidate {@code host} can read. */
    public static Optional<Path> locateFaketime(Host host) {
        return FAKETIME_CANDIDATES.stream().filter(host::readable).findFirst();
    }
}
