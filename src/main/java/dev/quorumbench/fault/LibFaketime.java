package dev.quorumbench.fault;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.HostFacts;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * libfaketime for one node: where the preload library is on its host, the environment that makes a JVM read its
 * offset from a timestamp file, and the atomic write (through the host) that changes that offset while it runs.
 *
 * <p>Measured by hand on the 2-core dev machine (OpenJDK 17.0.15, Debian's libfaketime 0.9.10), see the README:
 * <ul>
 * <li>{@code FAKETIME_DONT_FAKE_MONOTONIC=1} is required (without it a JVM hangs), and so is
 *     {@code FAKETIME_FORCE_MONOTONIC_FIX=0}: Debian builds the library with the "monotonic fix", under which
 *     the JVM's timed waits break ({@code LockSupport.parkNanos(5 ms)} and {@code Object.wait(5)} return at once,
 *     {@code Thread.sleep(5)} takes 60–110 ms, JVM start-up and first request take seconds). With the fix off,
 *     timed waits are normal again.</li>
 * <li>{@code FAKETIME_NO_CACHE=1}: a new offset shows on the next clock read (the harness saw it ~0.2 s after the
 *     rename, through curl), but every {@code System.currentTimeMillis()} rereads the file: ~20–30 µs instead of
 *     ~30 ns. {@code FAKETIME_CACHE_DURATION=1}: ~0.2–0.5 µs per read, but a new offset showed 1.8 s late, which
 *     would add ~2–4 s per inject+heal, 400–800 s over 200 cycles. No-cache is the default: the node reads the
 *     wall clock a few times per request, while the campaign moves it twice per cycle.</li>
 * </ul>
 */
public final class LibFaketime {

    /** How often the faked process rereads the timestamp file. */
    public enum CacheMode {
        /** Every clock read rereads the file: offsets apply at once, each read costs tens of microseconds. */
        NO_CACHE,
        /** The file is reread at most once a second: cheap reads, offsets apply within a second. */
        CACHE_1S
    }

    private LibFaketime() {
    }

    /** The preload library on {@code host}, or empty when libfaketime is not installed there. */
    public static Optional<Path> locate(Host host) {
        return HostFacts.locateFaketime(host);
    }

    /** The environment a node needs to run under {@code library} with its offset read from {@code timestampFile}. */
    public static Map<String, String> environment(Path library, Path timestampFile, CacheMode cache) {
        return Map.of(
                "LD_PRELOAD", library.toString(),
                "FAKETIME_TIMESTAMP_FILE", timestampFile.toAbsolutePath().toString(),
                // The JVM's timers and condition variables run on CLOCK_MONOTONIC: leave it real, and switch off
                // the compiled-in monotonic fix that makes its timed waits return at once or oversleep.
                "FAKETIME_DONT_FAKE_MONOTONIC", "1",
                "FAKETIME_FORCE_MONOTONIC_FIX", "0",
                cache == CacheMode.NO_CACHE ? "FAKETIME_NO_CACHE" : "FAKETIME_CACHE_DURATION",
                "1");
    }

    /**
     * Sets the offset of every process on {@code host} reading {@code timestampFile}; the host replaces the file
     * whole, so a reader sees the old or the new offset, never a half-written file.
     */
    public static void write(Host host, Path timestampFile, long offsetMs) throws HostException {
        host.writeFile(timestampFile.toAbsolutePath(), offsetSpec(offsetMs) + "\n");
    }

    /**
     * libfaketime's relative offset in seconds: {@code +60}, {@code -5}, {@code +0}, or {@code +1.5} for a
     * fraction (libfaketime parses the fraction with the node's locale; whole seconds are always safe).
     */
    static String offsetSpec(long offsetMs) {
        String sign = offsetMs < 0 ? "-" : "+";
        long abs = Math.abs(offsetMs);
        if (abs % 1000 == 0) {
            return sign + (abs / 1000);
        }
        String frac = String.format("%03d", abs % 1000).replaceAll("0+$", "");
        return sign + (abs / 1000) + "." + frac;
    }
}
