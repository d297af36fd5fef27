package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.time.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node guard's script on this machine, with {@code sleep} as owner and node: the node dies with its owner, the
 * guard ends with its node, and an owner it cannot prove (another machine, a recycled pid) is handled as documented.
 */
@Tag("process")
class NodeGuardProcessTest {

    @TempDir
    Path dir;
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (ProcessHandle p : started) {
            p.destroyForcibly();
        }
        guards().forEach(ProcessHandle::destroyForcibly);
    }

    private ProcessHandle owner() throws IOException {
        ProcessHandle p = new ProcessBuilder("sleep", "120").start().toHandle();
        started.add(p);
        return p;
    }

    private HostProcess node(NodeGuard guard) throws HostException {
        HostProcess p = LocalHost.get().start(new ProcessSpec(List.of("sleep", "120"), Map.of(), dir.resolve("node.log"),
                "", guard));
        ProcessHandle.of(p.pid()).ifPresent(started::add);
        return p;
    }

    private static NodeGuard guardOf(ProcessHandle owner) throws IOException {
        long ticks = NodeGuard.startTicks(Files.readString(Path.of("/proc/" + owner.pid() + "/stat"))).orElseThrow();
        return new NodeGuard(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), owner.pid(), ticks);
    }

    private static List<ProcessHandle> guards() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(NodeGuard.NAME)).toList();
    }

    @Test
    void theNodeDiesWithItsOwner() throws Exception {
        ProcessHandle owner = owner();
        HostProcess node = node(guardOf(owner));
        Thread.sleep(300); // the guard is waiting on both
        assertTrue(node.isAlive(), "the guard must leave a node of a live owner alone");
        owner.destroyForcibly();
        assertTrue(Await.until(() -> !node.isAlive(), 5000, 20), "the node outlived its owner by 5 s");
        assertTrue(Await.until(() -> guards().isEmpty(), 5000, 20), "the guard ends after the kill");
    }

    @Test
    void theGuardEndsWithItsNodeSoRestartsLeaveNoWatchers() throws Exception {
        ProcessHandle owner = owner();
        HostProcess node = node(guardOf(owner));
        assertTrue(Await.until(() -> guards().size() == 1, 5000, 20), "one guard per node");
        LocalHost.get().signal(node.pid(), Signal.KILL);
        assertTrue(Await.until(() -> guards().isEmpty(), 5000, 20), "the guard outlived its node: " + guards());
        assertTrue(owner.isAlive());
    }

    @Test
    void anOwnerOnAnotherMachineIsNotWatched() throws Exception {
        ProcessHandle owner = owner();
        NodeGuard mine = guardOf(owner);
        HostProcess node = node(new NodeGuard("another-machine", mine.ownerPid(), mine.ownerStartTicks()));
        assertTrue(Await.until(() -> guards().isEmpty(), 5000, 20), "a guard that cannot watch its owner exits");
        owner.destroyForcibly();
        Thread.sleep(500);
        assertTrue(node.isAlive(), "a bare pid on another machine says nothing: the node is left to the host's leases");
    }

    @Test
    void aRecycledOwnerPidCountsAsDead() throws Exception {
        ProcessHandle owner = owner();
        NodeGuard mine = guardOf(owner);
        // the same pid with another start time: a process that took the owner's pid, not the owner
        HostProcess node = node(new NodeGuard(mine.hostname(), mine.ownerPid(), mine.ownerStartTicks() + 1));
        assertTrue(Await.until(() -> !node.isAlive(), 5000, 20), "the owner is gone, so the node must be");
        assertFalse(!owner.isAlive(), "the process that has the pid now is not touched");
    }
}
