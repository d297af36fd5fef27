package dev.quorumbench.host;

import java.util.List;
import java.util.OptionalInt;

/** A long-lived process a host started: its pid, whether it still runs, and how it ended. */
public interface HostProcess {

    /** Its pid on its host. */
    long pid();

    /** True until the process has exited (a stopped process is alive). */
    boolean isAlive();

    /** Its exit code once it has exited, else empty. */
    OptionalInt exitCode();

    /** Waits at most {@code timeoutMs} for the process to exit; true when it has. */
    boolean awaitExit(long timeoutMs);

    /** The pids of the processes it started that still run (a wrapper's children), for a kill that leaves none. */
    List<Long> descendants();
}
