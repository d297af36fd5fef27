package dev.quorumbench.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * POSIX signals by pid (Java has no SIGSTOP/SIGCONT API, so {@code kill -SIG pid} runs) and the process state
 * letter from {@code /proc/<pid>/stat}, which is how a fault verifies that a signal took effect.
 */
public final class Signals {

    private static final long POLL_MS = 2;

    private Signals() {
    }

    /** Sends SIGSTOP: the process freezes (state {@code T}); the kernel still accepts connections for it. */
    public static void stop(long pid) throws FaultException {
        send(pid, "STOP");
    }

    /** Sends SIGCONT: a stopped process runs again; harmless for a running one. */
    public static void cont(long pid) throws FaultException {
        send(pid, "CONT");
    }

    /** Sends SIGKILL. */
    public static void kill(long pid) throws FaultException {
        send(pid, "KILL");
    }

    /** Sends {@code signal} (a name such as STOP) to {@code pid}, through the target layer's bounded {@code kill}. */
    public static void send(long pid, String signal) throws FaultException {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, was " + pid);
        }
        try {
            dev.quorumbench.cluster.Signals.send(pid, signal);
        } catch (dev.quorumbench.cluster.ClusterException e) {
            throw new FaultException(e.getMessage(), e);
        }
    }

    /**
     * The state letter of {@code pid} ({@code R} running, {@code S} sleeping, {@code T} stopped, {@code Z} zombie…),
     * or empty when there is no such process.
     */
    public static Optional<Character> state(long pid) {
        try {
            return Optional.of(parseState(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // The process vanished between open and read: treat as gone.
            return Optional.empty();
        }
    }

    /** A state meaning the process no longer runs: no /proc entry, or a zombie waiting to be reaped. */
    public static final Predicate<Optional<Character>> GONE = s -> s.isEmpty() || s.get() == 'Z' || s.get() == 'X';

    /** True when the process no longer runs (see {@link #GONE}). */
    public static boolean isGone(long pid) {
        return GONE.test(state(pid));
    }

    /** Polls the state of {@code pid} until {@code wanted} holds or {@code timeoutMs} passes; returns whether it held. */
    public static boolean awaitState(long pid, Predicate<Optional<Character>> wanted, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            if (wanted.test(state(pid))) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return wanted.test(state(pid));
            }
        }
    }

    /**
     * The state field of a {@code /proc/<pid>/stat} line. The command name is in parentheses and may itself hold
     * spaces or parentheses, so the state is the first field after the last {@code ')'}.
     */
    static char parseState(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0 || close + 2 >= statLine.length()) {
            throw new IllegalArgumentException("not a /proc stat line: " + statLine);
        }
        return statLine.charAt(close + 2);
    }
}
