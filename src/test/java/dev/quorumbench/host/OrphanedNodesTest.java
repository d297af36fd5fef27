package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A node's owner is read from its environment and judged alive by pid and start time, never by pid alone. */
class OrphanedNodesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # environ (\\0 between entries)                      | owner
        PATH=/bin\\0QB_NODE_OWNER=123:456\\0HOME=/root        | 123:456
        QB_NODE_OWNER=7:8                                    | 7:8
        PATH=/bin\\0HOME=/root                                | -
        QB_NODE_OWNERX=1:2                                   | -
        """)
    void readsTheOwnerFromTheEnvironment(String environ, String owner) {
        Optional<String> got = OrphanedNodes.ownerIn(environ.replace("\\0", "\0"));
        assertEquals(owner.equals("-") ? Optional.empty() : Optional.of(owner), got);
    }

    /**
     * The kill decision on literal /proc reads: the stat line before the environment and again just before the
     * kill (start time, field 22: 5555 or 7777), the environment, and whether owner 123:456 runs.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # case                          | stat before                                                    | environ                        | stat now                                                       | owner runs | kill
        orphan, same process            | 42 (java) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | QB_NODE_OWNER=123:456\\0A=b     | 42 (java) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | false      | true
        pid reused before the kill      | 42 (java) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | QB_NODE_OWNER=123:456          | 42 (sleep) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 7777 9 9   | false      | false
        gone before the kill            | 42 (java) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | QB_NODE_OWNER=123:456          | -                                                              | false      | false
        owner runs                      | 42 (java) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | QB_NODE_OWNER=123:456          | 42 (java) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | true       | false
        no owner in the environment     | 42 (java) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | PATH=/bin                      | 42 (java) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | false      | false
        start time unreadable           | 42 (java                                                       | QB_NODE_OWNER=123:456          | 42 (java                                                       | false      | false
        command name with ) and spaces  | 42 (a) b) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | QB_NODE_OWNER=123:456          | 42 (a) b) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 9 9    | false      | true
        """)
    void killsOnlyWhileThePidStillNamesTheProcessWhoseEnvironmentWasRead(String name, String statBefore, String environ,
                                                                          String statNow, boolean ownerRuns, boolean kill) {
        assertEquals(kill, OrphanedNodes.orphanToKill(statBefore, environ.replace("\\0", "\0"), statNow,
                owner -> {
                    assertEquals("123:456", owner);
                    return ownerRuns;
                }));
    }

    @Test
    void anOwnerRunsOnlyWithItsOwnStartTime() {
        NodeGuard self = NodeGuard.ofThisProcess().orElseThrow();
        assertTrue(OrphanedNodes.ownerRuns(OrphanedNodes.ownerValue(self)));
        assertFalse(OrphanedNodes.ownerRuns(self.ownerPid() + ":" + (self.ownerStartTicks() + 1)), "a reused pid");
        assertTrue(OrphanedNodes.ownerRuns("garbage"), "a value it cannot read is never a reason to kill");
    }

    @Test
    void sweepKillsAProcessWhoseOwnerIsDeadAndSparesOneWhoseOwnerRuns() throws Exception {
        NodeGuard self = NodeGuard.ofThisProcess().orElseThrow();
        ProcessBuilder orphan = new ProcessBuilder("sleep", "60");
        orphan.environment().put(OrphanedNodes.OWNER_ENV, self.ownerPid() + ":" + (self.ownerStartTicks() + 1));
        ProcessBuilder owned = new ProcessBuilder("sleep", "60");
        owned.environment().put(OrphanedNodes.OWNER_ENV, OrphanedNodes.ownerValue(self));
        Process o = orphan.start();
        Process k = owned.start();
        try {
            assertTrue(OrphanedNodes.sweep().contains(o.pid()));
            assertTrue(o.waitFor(5, TimeUnit.SECONDS), "the orphan was killed");
            assertTrue(k.isAlive(), "the node of a live owner runs on");
        } finally {
            o.destroyForcibly();
            k.destroyForcibly();
        }
    }
}
