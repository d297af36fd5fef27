package dev.quorumbench.host;

import dev.quorumbench.time.Await;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A machine where nodes run: the verbs faults and the cluster handle use to act on it, so the same fault works
 * on this machine, over SSH on another one, or inside a network namespace. Every verb is bounded in time.
 */
public interface Host extends AutoCloseable {

    /** How often state polls look again. */
    long POLL_MS = 2;

    /** A short name for messages: {@code local}, {@code db1.example.org}. */
    String name();

    /**
     * Runs a short command there (no shell), feeding {@code stdin} (null for none), and kills it if it outlives
     * {@code timeoutMs}; a non-zero exit is a result, not an exception.
     */
    CommandResult run(List<String> argv, String stdin, long timeoutMs) throws HostException;

    /**
     * Makes {@code argv} ready to run there at {@link ArmedCommand#fire}, which runs it (no shell); if it is not
     * fired within {@code armedMs} the host gives it up unrun. By default nothing is prepared ahead of time.
     */
    default ArmedCommand arm(List<String> argv, long armedMs) throws HostException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        return ArmedCommand.onFire(this, argv);
    }

    /** Starts a long-lived process there, its output appended to the spec's log. */
    HostProcess start(ProcessSpec spec) throws HostException;

    /** Sends {@code signal} to {@code pid} there; fails when no such process exists. */
    void signal(long pid, Signal signal) throws HostException;

    /** What {@code pid} is doing there now. */
    ProcessState state(long pid) throws HostException;

    /** Every process there in state {@link ProcessState#STOPPED}, with its command line. */
    List<ProcessInfo> stoppedProcesses() throws HostException;

    /** Replaces {@code file} there so that a reader sees the old content or the new, never half of it. */
    void writeFile(Path file, String text) throws HostException;

    /** Whether {@code file} exists there and can be read. */
    boolean readable(Path file);

    /** The host's packet filter, or why it cannot be used (what its facts say). */
    default Capability<Firewall> firewall() {
        return facts().firewall();
    }

    /** What the host offers the fault mechanisms. */
    HostFacts facts();

    /** How this host runs the harness's own classes (the reference node). */
    JavaCommand javaCommand();

    /**
     * Releases what this handle holds (a remote host's session); the processes it started are the cluster's to
     * stop, before. The local machine holds nothing. Whoever opened the host ({@link HostKind#open}) closes it.
     */
    @Override
    default void close() {
    }

    /**
     * Polls the state of {@code pid} until it is one of {@code wanted} or {@code timeoutMs} passes; returns
     * whether it got there. A state read that fails counts as not there yet; the last failure is thrown if the
     * wait ends without a single successful read.
     */
    default boolean awaitState(long pid, Set<ProcessState> wanted, long timeoutMs) throws HostException {
        HostException[] last = {null};
        boolean[] read = {false};
        boolean reached = Await.until(() -> {
            try {
                ProcessState s = state(pid);
                read[0] = true;
                return wanted.contains(s);
            } catch (HostException e) {
                last[0] = e;
                return false;
            }
        }, timeoutMs, POLL_MS);
        if (!reached && !read[0] && last[0] != null) {
            throw last[0];
        }
        return reached;
    }
}
