package dev.quorumbench.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A watcher started beside a node that SIGKILLs the node when the process that owns it (the JMH fork) dies, so the
 * nodes of ANY target die with a SIGKILLed fork: a target's own program has no {@code --parent-pid} to watch (etcd,
 * ai-memory), and a wrapping shell would make the kill and pause faults signal the wrapper instead of the node.
 *
 * <p>The watcher is one small bash on the node's host ({@link #SCRIPT}) that waits without polling a JVM: two
 * {@code tail --pid} (one on the owner, one on the node, 200 ms each) under {@code wait -n}. It ends by itself when
 * the node ends first (a kill fault), so a restart starts a new one and nothing accumulates. Pids are compared with
 * their start time ({@code /proc/<pid>/stat} field 22), so a recycled pid is neither mistaken for the owner nor
 * killed in the node's place. On a host that is not the owner's machine (a real remote host, told apart by host
 * name) a bare pid says nothing: the watcher exits at once and the host's leases are what cover a dead harness.
 *
 * @param hostname        the owner machine's host name ({@code /proc/sys/kernel/hostname})
 * @param ownerPid        the owner's pid
 * @param ownerStartTicks the owner's start time in clock ticks after boot ({@code /proc/<pid>/stat} field 22)
 */
public record NodeGuard(String hostname, long ownerPid, long ownerStartTicks) {

    /**
     * The watcher, run as {@code bash -c SCRIPT qb-node-guard HOSTNAME OWNER_PID OWNER_TICKS NODE_PID}. If the owner
     * is already gone when it starts, the node is killed at once (the fork died while it was starting the node).
     */
    static final String SCRIPT = String.join("\n",
            "h=$1 o=$2 ot=$3 n=$4",
            // st PID: r = the start time of PID; fails when PID does not run
            "st() { local s; { read -r s < \"/proc/$1/stat\"; } 2>/dev/null || return 1; s=${s##*) }; set -- $s; r=${20}; }",
            "{ read -r here < /proc/sys/kernel/hostname; } 2>/dev/null",
            "[ \"$here\" = \"$h\" ] || exit 0",
            "st \"$n\" || exit 0",
            "nt=$r",
            "if st \"$o\" && [ \"$r\" = \"$ot\" ]; then",
            "  tail -s 0.2 --pid=\"$o\" -f /dev/null & a=$!",
            "  tail -s 0.2 --pid=\"$n\" -f /dev/null & b=$!",
            "  wait -n",
            "  kill \"$a\" \"$b\" 2>/dev/null",
            "  st \"$o\" && [ \"$r\" = \"$ot\" ] && exit 0",
            "fi",
            "st \"$n\" && [ \"$r\" = \"$nt\" ] || exit 0",
            // the node's children first (a store that forks), then its group (a node started by setsid leads one)
            "pkill -KILL -P \"$n\" 2>/dev/null",
            "kill -KILL -- \"-$n\" 2>/dev/null",
            "kill -KILL \"$n\" 2>/dev/null",
            "exit 0");

    /** The argument after {@code -c SCRIPT}: names the watcher in {@code ps}. */
    static final String NAME = "qb-node-guard";

    public NodeGuard {
        if (hostname == null || hostname.isBlank() || ownerPid <= 0 || ownerStartTicks < 0) {
            throw new IllegalArgumentException("a node guard needs a host name, a pid and a start time");
        }
    }

    /** A guard owned by this JVM, or empty where {@code /proc} does not say its start time. */
    public static java.util.Optional<NodeGuard> ofThisProcess() {
        try {
            String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            OptionalLong ticks = startTicks(Files.readString(Path.of("/proc/self/stat")));
            if (host.isEmpty() || ticks.isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new NodeGuard(host, ProcessHandle.current().pid(), ticks.getAsLong()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The watcher's command line for the node {@code nodePid}. */
    public List<String> argv(long nodePid) {
        List<String> argv = new java.util.ArrayList<>(command());
        argv.add(Long.toString(nodePid));
        return argv;
    }

    /** The watcher's command line without its last argument, the node's pid (a remote shell appends {@code "$p"}). */
    List<String> command() {
        return List.of("bash", "-c", SCRIPT, NAME, hostname, Long.toString(ownerPid), Long.toString(ownerStartTicks));
    }

    /**
     * Field 22 of a {@code /proc/<pid>/stat} line (pure): the fields after the command name, which is in parentheses
     * and may hold spaces, start with field 3.
     */
    static OptionalLong startTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        String[] f = statLine.substring(close + 1).strip().split("\\s+");
        if (f.length < 20 || !f[19].matches("\\d{1,19}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(f[19]));
    }
}
