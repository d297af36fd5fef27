package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The node guard's command line and the start time it compares pids by (pure). */
class NodeGuardTest {

    @Test
    void theStartTimeIsField22WhateverTheCommandNameHolds() {
        String[][] rows = {
                // stat line, expected start ticks ("" = none)
                {"31570 (cat) R 31276 31276 17425 0 -1 4194304 117 0 0 0 0 0 0 0 20 0 1 0 2026705 5 6", "2026705"},
                {"12 (a b) c) S 1 12 12 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 99 0 0", "99"},
                {"12 (java) S 1 12 12", ""},
                {"no parenthesis at all", ""},
                {"12 (x) S 1 12 12 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 -5 0 0", ""},
        };
        for (String[] row : rows) {
            OptionalLong expected = row[1].isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(row[1]));
            assertEquals(expected, NodeGuard.startTicks(row[0]), row[0]);
        }
    }

    @Test
    void theWatcherIsBashWithTheOwnerAndTheNodeAsArguments() {
        NodeGuard g = new NodeGuard("box", 4242, 777);
        assertEquals(List.of("bash", "-c", NodeGuard.SCRIPT, "qb-node-guard", "box", "4242", "777", "99"), g.argv(99));
    }

    @Test
    void thisProcessIsAGuardOwnerWithItsOwnStartTime() {
        NodeGuard g = NodeGuard.ofThisProcess().orElseThrow();
        assertEquals(ProcessHandle.current().pid(), g.ownerPid());
    }

    @Test
    void aGuardNeedsAnOwner() {
        assertThrows(IllegalArgumentException.class, () -> new NodeGuard("", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new NodeGuard("box", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new NodeGuard("box", 1, -1));
    }
}
