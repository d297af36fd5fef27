package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signals by pid and process states on the local host, against real {@code sleep} processes it starts. */
@Tag("process")
class SignalsTest {

    private static final LocalHost LOCAL = LocalHost.get();

    @TempDir
    Path dir;
    private HostProcess sleep;

    @AfterEach
    void killIt() throws Exception {
        if (sleep != null && sleep.isAlive()) {
            LOCAL.signal(sleep.pid(), Signal.KILL);
            sleep.awaitExit(5000);
        }
    }

    private HostProcess startSleep() throws HostException {
        sleep = LOCAL.start(new ProcessSpec(List.of("sleep", "60"), Map.of(), dir.resolve("sleep.log"), ""));
        return sleep;
    }

    @Test
    void stopContinueKillARealProcess() throws Exception {
        long pid = startSleep().pid();
        assertTrue(LOCAL.awaitState(pid, Set.of(ProcessState.RUNNING), 2000), "sleep should run");

        LOCAL.signal(pid, Signal.STOP);
        assertTrue(LOCAL.awaitState(pid, Set.of(ProcessState.STOPPED), 1000), "stopped after SIGSTOP");
        assertTrue(LOCAL.stoppedProcesses().stream().anyMatch(p -> p.pid() == pid && p.argv().equals(
                List.of("sleep", "60"))), "listed among the stopped, with its argv");

        LOCAL.signal(pid, Signal.CONT);
        assertTrue(LOCAL.awaitState(pid, Set.of(ProcessState.RUNNING), 1000), "runs after SIGCONT");

        LOCAL.signal(pid, Signal.KILL);
        assertTrue(LOCAL.awaitState(pid, Set.of(ProcessState.GONE), 2000), "gone (zombie or reaped) after SIGKILL");
        assertTrue(sleep.awaitExit(2000));
        assertFalse(sleep.isAlive());
        assertEquals(ProcessState.GONE, LOCAL.state(pid));
    }

    @Test
    void signallingAMissingProcessFails() throws Exception {
        HostProcess p = startSleep();
        LOCAL.signal(p.pid(), Signal.KILL);
        assertTrue(p.awaitExit(5000));
        assertEquals(ProcessState.GONE, LOCAL.state(p.pid()));
        HostException e = assertThrows(HostException.class, () -> LOCAL.signal(p.pid(), Signal.CONT));
        assertTrue(e.getMessage().contains("kill -CONT " + p.pid()), e.getMessage());
    }
}
