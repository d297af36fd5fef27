package dev.quorumbench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One node's OS process: started from its command line, health-checked, killed and started again. */
final class NodeProcess {

    static final long KILL_WAIT_MS = 5000;
    private static final long POLL_MS = 20;
    private static final int PROBE_TIMEOUT_MS = 500;
    private static final int TAIL_CHARS = 300;

    private final int index;
    private final String host;
    private final int port;
    private final String healthPath;
    private final List<String> argv;
    private final Map<String, String> env;
    private final Path log;
    private volatile Process process;

    NodeProcess(int index, String host, int port, String healthPath, NodeCommandLine commandLine, Path log) {
        this.index = index;
        this.host = host;
        this.port = port;
        this.healthPath = healthPath;
        this.argv = commandLine.argv();
        this.env = commandLine.env();
        this.log = log;
    }

    String name() {
        return NodeVariables.nodeId(index);
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** Launches the process directly (no shell), output appended to the node log. */
    synchronized void start() throws ClusterException {
        if (isAlive()) {
            throw new ClusterException(name() + " is already running (pid " + process.pid() + ")");
        }
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            Files.writeString(log, "=== quorumbench " + Instant.now() + " starting " + name() + ": "
                            + String.join(" ", argv) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process p = pb.start();
            p.getOutputStream().close(); // the node gets end-of-input, never a blocked read
            process = p;
        } catch (IOException e) {
            throw new ClusterException("cannot start " + name() + " (" + argv.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Polls the health path until it answers 200, the process exits, or {@code deadlineNanos} passes. */
    void awaitHealthy(long deadlineNanos) throws ClusterException {
        Process p = process;
        if (p == null) {
            throw new ClusterException(name() + " was never started");
        }
        while (true) {
            if (!p.isAlive()) {
                throw new ClusterException(name() + " exited with code " + p.exitValue() + " before it was healthy"
                        + tailNote());
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                throw new ClusterException(name() + " did not answer " + url() + healthPath + " in time" + tailNote());
            }
            // the process must still be ours after the probe: a port taken by someone else answers too
            if (HealthProbe.healthy(host, port, healthPath, (int) Math.min(PROBE_TIMEOUT_MS, left)) && p.isAlive()) {
                return;
            }
            sleep(Math.min(POLL_MS, Math.max(1, left)));
        }
    }

    /** SIGKILL (works on a stopped process too) plus any children, then waits until gone. */
    synchronized void kill() throws ClusterException {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            if (!p.waitFor(KILL_WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new ClusterException(name() + " (pid " + p.pid() + ") still alive " + KILL_WAIT_MS
                        + " ms after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while killing " + name(), e);
        }
    }

    /** Wakes a stopped process so nothing is left stopped, ignoring a process already gone. */
    void continueIfAlive() {
        Process p = process;
        if (p != null && p.isAlive()) {
            try {
                Signals.send(p.pid(), "CONT");
            } catch (ClusterException ignored) {
                // the process died between the check and the signal: nothing to wake
            }
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    long pid() {
        Process p = process;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    /** The OS handle of the last process started, alive or not (for tests and leak checks). */
    ProcessHandle handle() {
        Process p = process;
        return p == null ? null : p.toHandle();
    }

    String url() {
        return NodeVariables.url(host, port);
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

    private static void sleep(long ms) throws ClusterException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for a node to become healthy", e);
        }
    }
}
