package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.LocalHost;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Continuing nodes that a dead harness left stopped, and only those, on the real local host. */
@Tag("process")
class StoppedOrphansTest {

    private static final LocalHost LOCAL = LocalHost.get();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "java -cp x Main node serve --parent-pid 4242 --db d|4242",
            "java --parent-pid|-1",
            "java --parent-pid abc|-1",
            "sleep 60|-1",
    })
    void parentPidIsTheValueAfterTheFlag(String argv, long expected) {
        OptionalLong p = StoppedOrphans.parentPid(Arrays.asList(argv.split(" ")));
        assertEquals(expected < 0 ? OptionalLong.empty() : OptionalLong.of(expected), p);
    }

    @Test
    void aStoppedProcessOfADeadParentIsContinuedAndOneOfALiveParentIsNot() throws Exception {
        Process done = new ProcessBuilder("true").start();
        assertTrue(done.waitFor(5, TimeUnit.SECONDS));
        long deadPid = done.pid();
        Assumptions.assumeFalse(ProcessHandle.of(deadPid).isPresent(), "pid was reused at once");
        long livePid = ProcessHandle.current().pid();
        try (Spawn spawn = new Spawn()) {
            // A builtin wait: bash itself is the process, with --parent-pid in its argv and no child to leave behind.
            Process orphan = spawn.start(new ProcessBuilder("bash", "-c", "read -t 60 || true", "node", "--parent-pid",
                    Long.toString(deadPid)));
            Process owned = spawn.start(new ProcessBuilder("bash", "-c", "read -t 60 || true", "node", "--parent-pid",
                    Long.toString(livePid)));
            for (Process p : List.of(orphan, owned)) {
                LOCAL.signal(p.pid(), Signal.STOP);
                assertTrue(LOCAL.awaitState(p.pid(), Set.of(ProcessState.STOPPED), 1000));
            }
            List<Long> continued = StoppedOrphans.continueAll(LOCAL);
            assertTrue(continued.contains(orphan.pid()), continued.toString());
            assertFalse(continued.contains(owned.pid()), "a live harness's pause is left alone");
            assertTrue(LOCAL.awaitState(orphan.pid(), Set.of(ProcessState.RUNNING, ProcessState.GONE), 1000));
            assertEquals(ProcessState.STOPPED, LOCAL.state(owned.pid()));
        }
    }
}
