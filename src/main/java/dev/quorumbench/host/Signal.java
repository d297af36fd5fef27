package dev.quorumbench.host;

/** The POSIX signals the harness sends to node processes, by their names as {@code kill -NAME} takes them. */
public enum Signal {
    /** Ends the process at once; it cannot be caught, and works on a stopped process too. */
    KILL,
    /** Freezes the process (state stopped); the kernel still accepts connections for it. */
    STOP,
    /** Lets a stopped process run again; harmless for a running one. */
    CONT,
    /** Asks the process to exit; stays pending while the process is stopped. */
    TERM,
    /** What Ctrl-C sends: a JVM runs its shutdown hooks (used to stop a harness in tests). */
    INT
}
