package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The libfaketime timestamp file, and a real child JVM whose wall clock follows it while it runs. */
@org.junit.jupiter.api.Tag("process")
@Tag("process")
class LibFaketimeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "60000, +60",
            "0, +0",
            "-5000, -5",
            "1500, +1.5",
            "250, +0.25",
            "-1, -0.001",
    })
    void offsetSpecIsSignedSeconds(long ms, String spec) {
        assertEquals(spec, LibFaketime.offsetSpec(ms));
    }

    @Test
    void writeReplacesTheFileWhole() throws Exception {
        Path f = dir.resolve("sub/node-1.faketime");
        LibFaketime.write(LocalHost.get(), f, 60_000);
        assertEquals("+60\n", Files.readString(f));
        LibFaketime.write(LocalHost.get(), f, 0);
        assertEquals("+0\n", Files.readString(f));
        assertFalse(Files.exists(dir.resolve("sub/node-1.faketime.tmp")), "no temp file left behind");
    }

    @Test
    void environmentKeepsMonotonicTimeReal() {
        Map<String, String> env = LibFaketime.environment(Path.of("/x/libfaketime.so.1"), dir.resolve("f"),
                LibFaketime.CacheMode.NO_CACHE);
        assertEquals("/x/libfaketime.so.1", env.get("LD_PRELOAD"));
        assertEquals("1", env.get("FAKETIME_DONT_FAKE_MONOTONIC"));
        assertEquals("0", env.get("FAKETIME_FORCE_MONOTONIC_FIX"));
        assertEquals("1", env.get("FAKETIME_NO_CACHE"));
        assertEquals(dir.resolve("f").toString(), env.get("FAKETIME_TIMESTAMP_FILE"));
    }

    @Test
    void aRunningJvmFollowsTheTimestampFile() throws Exception {
        Path lib = LibFaketime.locate(LocalHost.get()).orElse(null);
        Assumptions.assumeTrue(lib != null, "libfaketime is not installed (apt-get install libfaketime)");
        Path file = dir.resolve("node-1.faketime");
        LibFaketime.write(LocalHost.get(), file, 0);
        int port = Spawn.freePort();
        try (Spawn spawn = new Spawn()) {
            spawn.clockNode(port, LibFaketime.environment(lib, file, LibFaketime.CacheMode.NO_CACHE));
            String url = "http://127.0.0.1:" + port;
            ClockProbe clock = new ClockProbe(dev.quorumbench.store.StoreProtocols.builtIn());
            assertTrue(Math.abs(clock.skewMs(url)) < 250, "starts unskewed");

            LibFaketime.write(LocalHost.get(), file, 60_000);
            long skew = clock.awaitSkew(url, 60_000, 250, 2000);
            assertTrue(Math.abs(skew - 60_000) <= 250, "skewed +60 s at run time, measured " + skew);

            LibFaketime.write(LocalHost.get(), file, -30_000);
            long back = clock.awaitSkew(url, -30_000, 250, 2000);
            assertTrue(Math.abs(back + 30_000) <= 250, "skew changed again, measured " + back);

            LibFaketime.write(LocalHost.get(), file, 0);
            assertTrue(Math.abs(clock.awaitSkew(url, 0, 250, 2000)) <= 250, "skew removed");
        }
    }
}
