package dev.quorumbench.cluster;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.HostProcess;
import dev.quorumbench.host.NodeGuard;
import dev.quorumbench.host.ProcessSpec;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.time.Await;
import dev.quorumbench.time.Deadline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** One node's process on its host: started from its command line, health-checked, killed and started again. */
final class NodeProcess {

    static final long KILL_WAIT_MS = 5000;
    private static final long POLL_MS = 20;
    private static final long PROBE_TIMEOUT_MS = 500;
    private static final int TAIL_CHARS = 300;
    /**
     * Set to {@code false} only to show what the guard prevents (a test's control): the nodes of a target without
     * {@code --parent-pid} then outlive a SIGKILLed fork.
     */
    static final String GUARD_PROPERTY = "quorumbench.node-guard";
    /** Every node is started with a guard owned by this JVM (the fork), whatever its target (see NodeGuard). */
    private static final NodeGuard GUARD = Boolean.parseBoolean(System.getProperty(GUARD_PROPERTY, "true"))
            ? NodeGuard.ofThisProcess().orElse(null) : null;

    private final int index;
    private final Host machine;
    private final String url;
    private final String healthPath;
    private final StoreProtocol store;
    private final List<String> argv;
    private final Map<String, String> env;
    private final Path log;
    private volatile HostProcess process;

    /**
     * @param machine the host the node runs on
     * @param url     the base URL the harness reaches the node at
     * @param store   the protocol whose health probe tells that the node is up
     * @param log     the node's log file on its host
     */
    NodeProcess(int index, Host machine, String url, String healthPath, StoreProtocol store,
                NodeCommandLine commandLine, Path log) {
        this.index = index;
        this.machine = machine;
        this.url = url;
        this.healthPath = healthPath;
        this.store = store;
        this.argv = commandLine.argv();
        this.env = commandLine.env();
        this.log = log;
    }

    Host machine() {
        return machine;
    }

    String name() {
        return NodeVariables.nodeId(index);
    }

    Path log() {
        return log;
    }

    /** Launches the process directly (no shell) on its host, output appended to the node log. */
    synchronized void start() throws ClusterException {
        if (isAlive()) {
            throw new ClusterException(name() + " is already running (pid " + process.pid() + ")");
        }
        String banner = "=== quorumbench " + Instant.now() + " starting " + name() + ": " + String.join(" ", argv);
        try {
            process = machine.start(new ProcessSpec(argv, env, log, banner, GUARD));
        } catch (HostException e) {
            throw new ClusterException("cannot start " + name() + " (" + argv.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Polls the health path until it answers 200, the process exits, or {@code deadlineNanos} passes. */
    void awaitHealthy(long deadlineNanos) throws ClusterException {
        HostProcess p = process;
        if (p == null) {
            throw new ClusterException(name() + " was never started");
        }
        Deadline deadline = Deadline.atNanos(deadlineNanos);
        AtomicBoolean healthy = new AtomicBoolean();
        Await.until(() -> {
            if (!p.isAlive()) {
                return true;
            }
            long left = Math.max(1, deadline.leftMs());
            // the process must still be ours after the probe: a port taken by someone else answers too
            if (store.health(url(), Math.min(PROBE_TIMEOUT_MS, left)).healthy() && p.isAlive()) {
                healthy.set(true);
                return true;
            }
            return false;
        }, deadline.leftMs(), POLL_MS);
        if (healthy.get()) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new ClusterException("interrupted while waiting for " + name() + " to become healthy");
        }
        if (!p.isAlive()) {
            throw new ClusterException(name() + " exited with code " + p.exitCode().orElse(-1)
                    + " before it was healthy" + tailNote());
        }
        throw new ClusterException(name() + " did not answer " + url() + healthPath + " in time" + tailNote());
    }

    /**
     * SIGKILL through the host (works on a stopped process too) plus any children, then waits, bounded, until the
     * host reports the pid gone.
     */
    synchronized void kill() throws ClusterException {
        HostProcess p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        long pid = p.pid();
        List<Long> children = p.descendants();
        try {
            machine.signal(pid, Signal.KILL);
        } catch (HostException e) {
            if (p.isAlive()) {
                throw new ClusterException("SIGKILL of " + name() + " (pid " + pid + ") failed: " + e.getMessage(), e);
            }
        }
        for (long child : children) {
            try {
                machine.signal(child, Signal.KILL);
            } catch (HostException gone) {
                // it exited with its parent
            }
        }
        boolean gone;
        try {
            gone = machine.awaitState(pid, Set.of(ProcessState.GONE), KILL_WAIT_MS);
        } catch (HostException e) {
            throw new ClusterException("cannot read the state of " + name() + " (pid " + pid + "): " + e.getMessage(),
                    e);
        }
        // Reaped as well, so isAlive() agrees with the host from here on.
        if (!gone || !p.awaitExit(KILL_WAIT_MS)) {
            throw new ClusterException(name() + " (pid " + pid + ") still alive " + KILL_WAIT_MS + " ms after SIGKILL");
        }
    }

    /** Wakes a stopped process so nothing is left stopped, ignoring a process already gone. */
    void continueIfAlive() {
        HostProcess p = process;
        if (p != null && p.isAlive()) {
            try {
                machine.signal(p.pid(), Signal.CONT);
            } catch (HostException ignored) {
                // the process died between the check and the signal: nothing to wake
            }
        }
    }

    boolean isAlive() {
        HostProcess p = process;
        return p != null && p.isAlive();
    }

    long pid() {
        HostProcess p = process;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    String url() {
        return url;
    }

    private String tailNote() {
        String tail = tail(log, TAIL_CHARS);
        return tail.isEmpty() ? " (no output in " + log + ")" : " (log " + log + ": " + tail + ")";
    }

    /** The last lines the latest start wrote to a log, joined into one line of at most {@code maxChars}. */
    static String tail(Path log, int maxChars) {
        String text;
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, f.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        String[] lines = text.split("\\R");
        StringBuilder b = new StringBuilder();
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (l.startsWith("=== quorumbench ")) {
                break; // older lines belong to an earlier start of the node
            }
            if (l.isEmpty()) {
                continue;
            }
            if (b.length() + l.length() > maxChars) {
                if (b.length() == 0) {
                    b.append("…").append(l.substring(l.length() - maxChars));
                }
                break;
            }
            b.insert(0, b.length() == 0 ? l : l + " | ");
        }
        return b.toString();
    }
}
