package dev.quorumbench.host;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The harness's own process on the machine it runs on: the owner named in what it leaves on hosts (a firewall
 * chain {@code QB-<machine>-<pid>}, a lease's token, a node's {@code --parent-pid}), and whether such an owner
 * still runs. On another host a bare pid says nothing, so the owner is named by this machine and its pid: only a
 * harness on the same machine can prove the owner dead.
 */
public final class HarnessProcess {

    private static final String MACHINE = machineTag(hostname());

    private HarnessProcess() {
    }

    /** This JVM's pid. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** Eight hex digits naming the machine this harness runs on (a hash of its host name). */
    public static String machine() {
        return MACHINE;
    }

    /** Whether a harness with {@code pid} still runs on this machine (a reused pid counts as running). */
    public static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Whether the owner {@code machine}/{@code pid} is provably gone: it ran on this machine and its pid no longer
     * runs. An owner on another machine is never provably gone from here.
     */
    public static boolean provablyGone(String machine, long pid) {
        return MACHINE.equals(machine) && !isRunning(pid);
    }

    /** The tag of a host name (pure): CRC-32 of its bytes, eight lower-case hex digits. */
    static String machineTag(String hostname) {
        CRC32 crc = new CRC32();
        crc.update(hostname.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "localhost";
            }
        }
    }
}
