package dev.quorumbench.fault;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.ProcessInfo;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Continues node processes left stopped (SIGSTOP) by a harness that died mid-pause: a stopped node cannot notice
 * that its parent is gone, so without SIGCONT it would stay forever. Only processes started with
 * {@code --parent-pid P}, where P no longer runs on the node's host (its own process table, through the
 * {@link Host} seam, as the node's parent watch sees it), are touched; once continued they exit on their own.
 */
final class StoppedOrphans {

    private StoppedOrphans() {
    }

    /** Sends SIGCONT to every stopped orphaned node on {@code host}; returns their pids. */
    static List<Long> continueAll(Host host) {
        List<Long> continued = new ArrayList<>();
        List<ProcessInfo> stopped;
        try {
            stopped = host.stoppedProcesses();
        } catch (HostException e) {
            return continued; // nothing to find; a later harness sweeps again
        }
        for (ProcessInfo p : stopped) {
            OptionalLong parent = parentPid(p.argv());
            if (parent.isPresent() && parentGone(host, parent.getAsLong())) {
                try {
                    host.signal(p.pid(), Signal.CONT);
                    continued.add(p.pid());
                } catch (HostException e) {
                    // it exited meanwhile
                }
            }
        }
        return continued;
    }

    /**
     * Whether the parent is gone as {@code host} sees it: the node's own parent watch reads its host's process table,
     * so only there does "gone" mean the node, once continued, exits. A state that cannot be read proves nothing.
     */
    private static boolean parentGone(Host host, long parentPid) {
        try {
            return host.state(parentPid) == ProcessState.GONE;
        } catch (HostException e) {
            return false;
        }
    }

    /** The value after {@code --parent-pid} in a command line (pure). */
    static OptionalLong parentPid(List<String> argv) {
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).equals("--parent-pid") && argv.get(i + 1).matches("\\d{1,18}")) {
                return OptionalLong.of(Long.parseLong(argv.get(i + 1)));
            }
        }
        return OptionalLong.empty();
    }
}
