package dev.quorumbench.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this machine offers the mechanisms: procfs, kill(1), root, a working iptables and libfaketime.
 *
 * @param procfs           /proc/self/stat is readable (process states can be verified)
 * @param killCommand      a {@code kill} executable is on the usual paths
 * @param iptablesProblem  why iptables cannot be used, or null when it can
 * @param faketimeLibrary  the libfaketime preload library, or null when missing
 */
record HostFacts(boolean procfs, boolean killCommand, String iptablesProblem, Path faketimeLibrary) {

    private static volatile HostFacts probed;

    /** Looks at this machine once per JVM (iptables costs one process start). */
    static HostFacts probe() {
        HostFacts h = probed;
        if (h == null) {
            boolean root = "0".equals(uid());
            h = new HostFacts(Files.isReadable(Path.of("/proc/self/stat")),
                    Files.isExecutable(Path.of("/usr/bin/kill")) || Files.isExecutable(Path.of("/bin/kill")),
                    Iptables.problem(root), LibFaketime.locate().orElse(null));
            probed = h;
        }
        return h;
    }

    static String uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
