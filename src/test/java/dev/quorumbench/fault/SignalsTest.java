package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signals by pid and process states, against real spawned {@code sleep} processes. */
class SignalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4242 (java) S 1 4242 4242 0 -1|S",
            "17 (sleep) T 1 17 17 0 -1|T",
            "9 (my (odd) name) R 1 9|R",
            "5 (a) b) Z 1|Z",
    })
    void parsesTheStateAfterTheLastParenthesis(String line, char state) {
        assertEquals(state, Signals.parseState(line));
    }

    @Test
    void rejectsALineWithoutState() {
        assertThrows(IllegalArgumentException.class, () -> Signals.parseState("garbage"));
    }

    @Test
    void stopContinueKillARealProcess() throws Exception {
        try (Spawn spawn = new Spawn()) {
            Process p = spawn.sleep();
            long pid = p.pid();
            assertTrue(Signals.awaitState(pid, s -> s.isPresent() && s.get() == 'S', 2000), "sleep should sleep");

            Signals.stop(pid);
            assertTrue(Signals.awaitState(pid, s -> s.equals(Optional.of('T')), 1000), "state T after SIGSTOP");

            Signals.cont(pid);
            assertTrue(Signals.awaitState(pid, s -> s.isPresent() && s.get() != 'T', 1000), "runs after SIGCONT");

            Signals.kill(pid);
            p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(p.isAlive());
            assertTrue(Signals.isGone(pid), "no /proc entry after SIGKILL and reap");
        }
    }

    @Test
    void signallingAMissingProcessFails() throws Exception {
        long pid;
        try (Spawn spawn = new Spawn()) {
            Process p = spawn.sleep();
            pid = p.pid();
            p.destroyForcibly().waitFor();
        }
        long gone = pid;
        assertTrue(Signals.isGone(gone));
        assertThrows(FaultException.class, () -> Signals.cont(gone));
    }
}
