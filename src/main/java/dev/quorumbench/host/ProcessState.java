package dev.quorumbench.host;

/** What a process on a host is doing, as far as a fault needs to know. */
public enum ProcessState {
    /** Alive and not stopped (running, sleeping, waiting on I/O). */
    RUNNING,
    /** Stopped by a signal (SIGSTOP) or a tracer: frozen until SIGCONT. */
    STOPPED,
    /** No such process, or a zombie waiting to be reaped: it will never run again. */
    GONE;

    /**
     * The state for a Linux {@code /proc/<pid>/stat} state letter: {@code T} and {@code t} are stopped,
     * {@code Z} and {@code X} are gone, every other letter is running.
     */
    public static ProcessState ofStatLetter(char letter) {
        return switch (letter) {
            case 'T', 't' -> STOPPED;
            case 'Z', 'X', 'x' -> GONE;
            default -> RUNNING;
        };
    }
}
