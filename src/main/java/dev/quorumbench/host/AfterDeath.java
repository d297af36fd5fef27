package dev.quorumbench.host;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a cleanup command on this machine once this JVM has died without cleaning up (SIGKILL runs no shutdown hook
 * and no {@code finally}): a small bash that waits on our pid with {@code tail --pid} (200 ms, no JVM) and then, if
 * we are really gone (same start time check as {@link NodeGuard}), runs the command. A normal end cancels it first.
 */
public final class AfterDeath implements AutoCloseable {

    /** Run as {@code bash -c SCRIPT qb-after-death OWNER_PID OWNER_TICKS COMMAND...}. */
    static final String SCRIPT = String.join("\n",
            "o=$1 ot=$2; shift 2",
            "st() { local s; { read -r s < \"/proc/$1/stat\"; } 2>/dev/null || return 1; s=${s##*) }; set -- $s; r=${20}; }",
            "tail -s 0.2 --pid=\"$o\" -f /dev/null",
            "st \"$o\" && [ \"$r\" = \"$ot\" ] && exit 0", // interrupted, not orphaned: the owner cleans up itself
            "exec \"$@\"");

    static final String NAME = "qb-after-death";

    /** The watchers armed and not closed (a SIGINT's sweep of our descendants must spare them). */
    private static final java.util.Set<Long> ARMED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Process watcher;

    private AfterDeath(Process watcher) {
        this.watcher = watcher;
    }

    /**
     * Arms {@code command} (its output discarded); empty when this JVM cannot name itself by start time or bash does
     * not start, in which case the caller's next-start sweep is the only cover.
     */
    public static java.util.Optional<AfterDeath> arm(List<String> command) {
        java.util.Optional<NodeGuard> self = NodeGuard.ofThisProcess();
        if (self.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> argv = new ArrayList<>(List.of("bash", "-c", SCRIPT, NAME, Long.toString(self.get().ownerPid()),
                Long.toString(self.get().ownerStartTicks())));
        argv.addAll(command);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            ARMED.add(p.pid());
            return java.util.Optional.of(new AfterDeath(p));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Whether {@code p} is an armed watcher or its {@code tail}: a shutdown hook that stops this JVM's descendants
     * leaves them, so they clean up once the JVM has exited (they do nothing while it still runs).
     */
    public static boolean isWatcher(ProcessHandle p) {
        return ARMED.contains(p.pid()) || p.parent().map(parent -> ARMED.contains(parent.pid())).orElse(false);
    }

    /** Disarms: the owner cleans up itself. */
    @Override
    public void close() {
        ARMED.remove(watcher.pid());
        watcher.descendants().forEach(ProcessHandle::destroyForcibly);
        watcher.destroyForcibly();
    }
}
