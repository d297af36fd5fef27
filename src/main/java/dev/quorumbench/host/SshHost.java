package dev.quorumbench.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A machine reached over SSH: every verb is one exec channel on one persistent {@link SshSession}, so signalling a
 * node there costs a channel round trip, not a key exchange. Processes start detached ({@code setsid}) with their
 * output in a log file there; states come from {@code /proc} there; files are written atomically (temp + rename)
 * there; the firewall is {@link Iptables} run through this host's runner.
 */
public final class SshHost implements Host, AutoCloseable {

    /** Bound of opening the session (TCP, key exchange, login). */
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    private static final long VERB_TIMEOUT_MS = 5000;

    private final SshSession session;
    private final JavaCommand java;
    private volatile HostFacts facts;

    /**
     * @param java how this host runs the reference node (a java binary and a class path there)
     */
    public SshHost(SshEndpoint endpoint, JavaCommand java, long connectTimeoutMs) {
        this.session = new SshSession(endpoint, connectTimeoutMs);
        this.java = java;
    }

    /** Opens the session now, bounded by the connect timeout; an unreachable host or a bad host key fails here. */
    public SshHost connect() throws HostException {
        session.connect();
        return this;
    }

    /** How many SSH sessions this host has opened (one while the connection holds). */
    int sessionsOpened() {
        return session.sessionsOpened();
    }

    public SshEndpoint endpoint() {
        return session.endpoint();
    }

    @Override
    public String name() {
        SshEndpoint e = session.endpoint();
        return e.port() == 22 ? e.host() : e.host() + ":" + e.port();
    }

    @Override
    public CommandResult run(List<String> argv, String stdin, long timeoutMs) throws HostException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        return session.exec(RemoteScripts.bounded(argv, timeoutMs), stdin, timeoutMs);
    }

    /** One exec channel opened now, its command waiting in {@code sh} on the host for the trigger. */
    @Override
    public ArmedCommand arm(List<String> argv, long armedMs) throws HostException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        return session.arm(RemoteScripts.armed(argv, armedMs), RemoteScripts.GO, VERB_TIMEOUT_MS);
    }

    @Override
    public HostProcess start(ProcessSpec spec) throws HostException {
        CommandResult r = session.exec(RemoteScripts.start(spec), null, VERB_TIMEOUT_MS);
        long pid = RemoteScripts.startedPid(r.output()).orElseThrow(() -> new HostException("cannot start "
                + spec.argv().get(0) + " on " + name() + ": " + (r.ok() ? "no pid printed" : r.firstLine())));
        return new RemoteProcess(this, pid);
    }

    @Override
    public void signal(long pid, Signal signal) throws HostException {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, was " + pid);
        }
        CommandResult r = quick(List.of("kill", "-" + signal.name(), Long.toString(pid)));
        if (!r.ok()) {
            throw new HostException("kill -" + signal.name() + " " + pid + " on " + name() + " failed (exit " + r.exit()
                    + "; no such process?): " + r.firstLine());
        }
    }

    /** From {@code /proc/<pid>/stat} there: no such file means gone. */
    @Override
    public ProcessState state(long pid) throws HostException {
        CommandResult r = quick(List.of("cat", "/proc/" + pid + "/stat"));
        if (!r.ok()) {
            // Only cat's own "no such file/process" means gone; a lost session (exit -1) or anything else must not
            // report a live node dead, nor verify a SIGKILL that was never confirmed.
            String why = r.firstLine();
            if (r.exit() == 1 && (why.contains("No such file") || why.contains("No such process"))) {
                return ProcessState.GONE;
            }
            throw new HostException("cannot read /proc/" + pid + "/stat on " + name() + " (exit " + r.exit() + "): "
                    + why);
        }
        try {
            return ProcessState.ofStatLetter(ProcStat.stateLetter(r.output()));
        } catch (IllegalArgumentException e) {
            throw new HostException("unexpected /proc/" + pid + "/stat on " + name() + ": " + r.firstLine());
        }
    }

    @Override
    public List<ProcessInfo> stoppedProcesses() throws HostException {
        CommandResult r = run(RemoteScripts.PROCESS_TABLE, null, VERB_TIMEOUT_MS);
        if (!r.ok()) {
            throw new HostException("cannot list processes on " + name() + ": " + r.firstLine());
        }
        return RemoteScripts.stopped(r.output());
    }

    @Override
    public void writeFile(Path file, String text) throws HostException {
        CommandResult r = session.exec(RemoteScripts.writeAtomically(file), text, VERB_TIMEOUT_MS);
        if (!r.ok()) {
            throw new HostException("cannot write " + file + " on " + name() + ": " + r.firstLine());
        }
    }

    @Override
    public boolean readable(Path file) {
        try {
            return quick(List.of("test", "-r", file.toString())).ok();
        } catch (HostException e) {
            return false;
        }
    }

    /** Probed once over the session (one command for the basics, two for iptables). */
    @Override
    public HostFacts facts() {
        HostFacts f = facts;
        if (f == null) {
            Map<String, String> m;
            try {
                m = RemoteScripts.facts(session.exec(RemoteScripts.probeFacts(), null, VERB_TIMEOUT_MS).output());
            } catch (HostException e) {
                return new HostFacts(false, false, false, Capability.unavailable(e.getMessage()), Optional.empty());
            }
            String uid = m.getOrDefault("uid", "?");
            boolean root = "0".equals(uid);
            f = new HostFacts(root, m.containsKey("procfs"), m.containsKey("kill"), Iptables.probe(this, root, uid),
                    Optional.ofNullable(m.get("faketime")).map(Path::of));
            facts = f;
        }
        return f;
    }

    @Override
    public JavaCommand javaCommand() {
        return java;
    }

    /**
     * A command that cannot hang (kill, cat of a /proc file, test): run without the {@code timeout} wrapper, which
     * would cost one more program start on the host per signal and per state poll.
     */
    private CommandResult quick(List<String> argv) throws HostException {
        return session.exec(ShellQuote.join(argv), null, VERB_TIMEOUT_MS);
    }

    @Override
    public void close() {
        session.close();
    }

    /** Whether {@link #close} was called: its client is stopped for good. */
    boolean closed() {
        return session.closed();
    }

    @Override
    public String toString() {
        return "ssh " + session.endpoint();
    }
}
