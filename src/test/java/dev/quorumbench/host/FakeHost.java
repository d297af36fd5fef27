package dev.quorumbench.host;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test double of a host: no process, no file and no firewall rule is real. It records every verb it is asked
 * for ({@code signal STOP 1001}, {@code write /x/node-1.faketime +60}), keeps scripted process states that
 * signals change as the kernel would, and can be told that a signal is refused or silently has no effect, or that
 * writes are lost, so tests prove a fault notices when it did not take effect.
 */
public final class FakeHost implements Host {

    /** Every verb in the order asked: "signal KILL 1001", "start java …", "write /f +60", "run iptables …". */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean runsLost;
    private volatile boolean armedFiresFail;
    /** The files written, by path, with their content. */
    public final Map<Path, String> files = new ConcurrentHashMap<>();

    private final Map<Long, ProcessState> states = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> argvs = new ConcurrentHashMap<>();
    private final Set<Signal> refused = EnumSet.noneOf(Signal.class);
    private final Set<Signal> ignored = EnumSet.noneOf(Signal.class);
    private final AtomicLong nextPid;
    private final FakeFirewall firewall = new FakeFirewall();
    private volatile boolean writesLost;
    private volatile HostFacts facts;

    /** A host offering everything: root, process states, signals, a firewall, libfaketime at /fake/…. */
    public FakeHost() {
        this(1000);
    }

    /**
     * A host offering everything whose pids start after {@code firstPid} (above the kernel's pid_max, a fake pid can
     * never name a real process, so a fake host mistaken for the local one cannot signal anything real).
     */
    public FakeHost(long firstPid) {
        nextPid = new AtomicLong(firstPid);
        facts = new HostFacts(true, true, true, Capability.available(firewall),
                Optional.of(Path.of("/fake/libfaketime.so.1")));
    }

    /** A new running process with {@code argv}; returns its pid. */
    public long spawn(String... argv) {
        long pid = nextPid.incrementAndGet();
        states.put(pid, ProcessState.RUNNING);
        argvs.put(pid, List.of(argv));
        return pid;
    }

    /** Sets what the host reports for {@code pid}. */
    public void setState(long pid, ProcessState state) {
        states.put(pid, state);
    }

    /** Signals of this kind fail with "no such process" and change nothing. */
    public void refuse(Signal signal) {
        refused.add(signal);
    }

    /** Signals of this kind are accepted but change nothing: the fault must notice. */
    public void ignore(Signal signal) {
        ignored.add(signal);
    }

    /** Writes are accepted and recorded but the file keeps its old content. */
    /** Makes every {@link #run} answer as over a lost connection (exit -1, no output), or stop doing so. */
    public void loseRuns(boolean lost) {
        runsLost = lost;
    }

    public void loseWrites() {
        writesLost = true;
    }

    /** Replaces the facts this host reports. */
    public void facts(HostFacts replacement) {
        facts = replacement;
    }

    public FakeFirewall fakeFirewall() {
        return firewall;
    }

    /** The signals sent so far, as "KILL 1001". */
    public List<String> signals() {
        return calls.stream().filter(c -> c.startsWith("signal ")).map(c -> c.substring(7)).toList();
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public CommandResult run(List<String> argv, String stdin, long timeoutMs) {
        calls.add("run " + String.join(" ", argv));
        return runsLost ? new CommandResult(-1, "connection lost") : new CommandResult(0, "");
    }

    /**
     * Makes every armed command's fire fail as one that got no answer in time does (whether it ran on the host is
     * then unknown), or stop doing so.
     */
    public void failArmedFires(boolean fail) {
        armedFiresFail = fail;
    }

    /** Records "arm …" now; fire records "run …" as the local host's armed commands do, or "fire failed". */
    @Override
    public ArmedCommand arm(List<String> argv, long armedMs) throws HostException {
        calls.add("arm " + String.join(" ", argv));
        ArmedCommand onFire = ArmedCommand.onFire(this, argv);
        return new ArmedCommand() {
            @Override
            public CommandResult fire(long timeoutMs) throws HostException {
                if (armedFiresFail) {
                    onFire.close();
                    calls.add("fire failed");
                    throw new HostException("fake: armed '" + String.join(" ", argv) + "' did not finish within "
                            + timeoutMs + " ms of its trigger");
                }
                return onFire.fire(timeoutMs);
            }

            @Override
            public void close() {
                onFire.close();
            }
        };
    }

    @Override
    public HostProcess start(ProcessSpec spec) {
        calls.add("start " + String.join(" ", spec.argv()));
        long pid = spawn(spec.argv().toArray(String[]::new));
        return new FakeProcess(pid);
    }

    @Override
    public void signal(long pid, Signal signal) throws HostException {
        calls.add("signal " + signal + " " + pid);
        ProcessState now = states.getOrDefault(pid, ProcessState.GONE);
        if (refused.contains(signal) || now == ProcessState.GONE) {
            throw new HostException("kill -" + signal + " " + pid + " failed (no such process)");
        }
        if (ignored.contains(signal)) {
            return;
        }
        states.put(pid, switch (signal) {
            case KILL, TERM, INT -> ProcessState.GONE;
            case STOP -> ProcessState.STOPPED;
            case CONT -> ProcessState.RUNNING;
        });
    }

    @Override
    public ProcessState state(long pid) {
        return states.getOrDefault(pid, ProcessState.GONE);
    }

    @Override
    public List<ProcessInfo> stoppedProcesses() {
        return states.entrySet().stream().filter(e -> e.getValue() == ProcessState.STOPPED)
                .map(e -> new ProcessInfo(e.getKey(), argvs.getOrDefault(e.getKey(), List.of()))).toList();
    }

    @Override
    public void writeFile(Path file, String text) {
        calls.add("write " + file + " " + text.strip());
        if (!writesLost) {
            files.put(file, text);
        }
    }

    @Override
    public boolean readable(Path file) {
        return files.containsKey(file);
    }

    @Override
    public Capability<Firewall> firewall() {
        return facts.firewall();
    }

    @Override
    public HostFacts facts() {
        return facts;
    }

    @Override
    public JavaCommand javaCommand() {
        return new JavaCommand("/fake/java", "/fake/classes");
    }

    /** A process handle whose life is the fake host's scripted state. */
    private final class FakeProcess implements HostProcess {
        private final long pid;

        FakeProcess(long pid) {
            this.pid = pid;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return state(pid) != ProcessState.GONE;
        }

        @Override
        public OptionalInt exitCode() {
            return isAlive() ? OptionalInt.empty() : OptionalInt.of(137);
        }

        @Override
        public boolean awaitExit(long timeoutMs) {
            return !isAlive();
        }

        @Override
        public List<Long> descendants() {
            return List.of();
        }
    }
}
