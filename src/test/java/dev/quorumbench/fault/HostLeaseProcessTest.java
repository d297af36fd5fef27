package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.LocalHost;
import dev.quorumbench.time.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leases run by a real shell on this machine: an armed lease reverts at its time; one ended first never does and
 * says it was armed; ending one that fired says so; one lease's end never disarms another (instance-specific).
 */
@Tag("process")
class HostLeaseProcessTest {

    @TempDir
    Path tmp;

    @Test
    void anArmedLeaseRevertsAtItsTimeAndAnEndedOneNever() throws Exception {
        Path firedMark = tmp.resolve("fired");
        Path endedMark = tmp.resolve("ended");
        HostLease firing = HostLease.start(LocalHost.get(), "drop_random_acks", List.of("touch", firedMark.toString()), 300);
        HostLease ended = HostLease.start(LocalHost.get(), "drop_random_acks", List.of("touch", endedMark.toString()), 300);
        try {
            assertTrue(ended.end(), "ended before its time: it was armed");
            assertTrue(Await.until(() -> Files.exists(firedMark), 5000, 20), "the other lease fired on its own");
            assertFalse(Files.exists(firing.token()), "the firing lease claimed its token");
            assertFalse(firing.end(), "ending a lease that fired says it fired");
            Thread.sleep(700); // well past the ended lease's time
            assertFalse(Files.exists(endedMark), "an ended lease never reverts");
            assertFalse(Files.exists(ended.token()));
        } finally {
            firing.end();
            ended.end();
        }
    }
}
