package dev.quorumbench.host;

import dev.quorumbench.run.AtomicFiles;
import dev.quorumbench.time.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The machine the harness runs on: the one process runner of the harness, signals through {@code kill}, process
 * states and command lines from {@code /proc}, files through {@link AtomicFiles}, and iptables as its firewall.
 */
public final class LocalHost implements Host {

    private static final LocalHost INSTANCE = new LocalHost();
    private static final long SIGNAL_TIMEOUT_MS = 3000;
    private static final Path PROC = Path.of("/proc");

    private volatile HostFacts facts;

    private LocalHost() {
    }

    /** This machine. */
    public static LocalHost get() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public CommandResult run(List<String> argv, String stdin, long timeoutMs) throws HostException {
        String shown = String.join(" ", argv);
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new HostException("cannot run " + shown + ": " + e.getMessage(), e);
        }
        // One deadline for the whole command. Output is drained and stdin fed on threads of their own (daemons,
        // so a grandchild that keeps the pipe open pins nothing that matters): a chatty command cannot fill the
        // pipe and a command that never reads its input cannot block us past the deadline.
        Deadline deadline = Deadline.in(timeoutMs);
        CompletableFuture<String> out = new CompletableFuture<>();
        daemon("qb-run-out", () -> out.complete(drain(p.getInputStream())));
        daemon("qb-run-in", () -> feed(p.getOutputStream(), stdin));
        try {
            if (!p.waitFor(deadline.leftMs(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new HostException(shown + " did not finish within " + timeoutMs + " ms");
            }
            // The process has exited; its output ends with it unless a child it left behind holds the pipe.
            return new CommandResult(p.exitValue(), out.get(Math.max(1, deadline.leftMs()), TimeUnit.MILLISECONDS)
                    .strip());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new HostException("interrupted while running " + shown, e);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new HostException("running " + shown + " failed: its output did not end within " + timeoutMs
                    + " ms", e);
        }
    }

    @Override
    public HostProcess start(ProcessSpec spec) throws HostException {
        ProcessBuilder pb = new ProcessBuilder(spec.argv())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.log().toFile()));
        pb.environment().putAll(spec.env());
        if (spec.guard() != null) {
            // Names the owner so the parent can sweep the node if the owner dies before the guard is up.
            pb.environment().put(OrphanedNodes.OWNER_ENV, OrphanedNodes.ownerValue(spec.guard()));
        }
        try {
            if (!spec.banner().isEmpty()) {
                Files.writeString(spec.log(), spec.banner() + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            Process p = pb.start();
            p.getOutputStream().close(); // the process gets end-of-input, never a blocked read
            if (spec.guard() != null) {
                startGuard(spec.guard(), p);
            }
            return new LocalProcess(p);
        } catch (IOException e) {
            throw new HostException("cannot start " + spec.argv().get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Starts the node's guard; a node that cannot be guarded is killed, never left to outlive its owner. */
    private static void startGuard(NodeGuard guard, Process node) throws IOException {
        try {
            Process g = new ProcessBuilder(guard.argv(node.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            g.getOutputStream().close();
        } catch (IOException e) {
            node.destroyForcibly();
            throw new IOException("its guard (bash) did not start: " + e.getMessage(), e);
        }
    }

    /**
     * SIGKILL goes straight to kill(2) through {@link ProcessHandle#destroyForcibly()}, so it lands within
     * microseconds (a kill mechanism times it against bytes on the wire); Java has no API for SIGSTOP or SIGCONT,
     * so every other signal goes through {@code kill -NAME pid}, a process of its own (milliseconds).
     */
    @Override
    public void signal(long pid, Signal signal) throws HostException {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, was " + pid);
        }
        if (signal == Signal.KILL && pid != ProcessHandle.current().pid()) {
            ProcessHandle target = ProcessHandle.of(pid)
                    .orElseThrow(() -> new HostException("kill -KILL " + pid + " failed: no such process"));
            if (!target.destroyForcibly() && target.isAlive()) {
                throw new HostException("kill -KILL " + pid + " failed: the signal was refused (not ours?)");
            }
            return;
        }
        CommandResult r = run(List.of("kill", "-" + signal.name(), Long.toString(pid)), null, SIGNAL_TIMEOUT_MS);
        if (!r.ok()) {
            throw new HostException("kill -" + signal.name() + " " + pid + " failed (exit " + r.exit()
                    + "; no such process?): " + r.firstLine());
        }
    }

    @Override
    public ProcessState state(long pid) throws HostException {
        Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
        String line;
        try {
            line = Files.readString(stat);
        } catch (NoSuchFileException e) {
            return ProcessState.GONE;
        } catch (IOException e) {
            if (!Files.exists(stat.getParent())) {
                return ProcessState.GONE; // the process vanished between open and read (ESRCH)
            }
            // Anything else (permissions, I/O) must not pass for "gone": a SIGKILL would be verified by an error.
            throw new HostException("cannot read " + stat + ": " + e.getMessage(), e);
        }
        try {
            return ProcessState.ofStatLetter(ProcStat.stateLetter(line));
        } catch (IllegalArgumentException e) {
            throw new HostException(e.getMessage(), e);
        }
    }

    /** For a scan over every process: one that cannot be read is not one we stopped. */
    private ProcessState stateOrGone(long pid) {
        try {
            return state(pid);
        } catch (HostException e) {
            return ProcessState.GONE;
        }
    }

    @Override
    public List<ProcessInfo> stoppedProcesses() {
        List<ProcessInfo> stopped = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (stateOrGone(pid) == ProcessState.STOPPED) {
                    stopped.add(new ProcessInfo(pid, cmdline(proc)));
                }
            }
        } catch (IOException e) {
            // no /proc: nothing could have been stopped and verified either
        }
        return stopped;
    }

    @Override
    public void writeFile(Path file, String text) throws HostException {
        try {
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new HostException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean readable(Path file) {
        return Files.isReadable(file);
    }

    /** Looked up once per JVM: checking iptables costs one process start. */
    @Override
    public HostFacts facts() {
        HostFacts f = facts;
        if (f == null) {
            boolean root = "0".equals(uid());
            f = new HostFacts(root, Files.isReadable(PROC.resolve("self").resolve("stat")),
                    Files.isExecutable(Path.of("/usr/bin/kill")) || Files.isExecutable(Path.of("/bin/kill")),
                    Iptables.probe(this, root, uid()), HostFacts.locateFaketime(this));
            facts = f;
        }
        return f;
    }

    @Override
    public JavaCommand javaCommand() {
        return new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"));
    }

    /** The real uid of this process, from /proc ({@code ?} when unreadable). */
    static String uid() {
        try {
            return Files.readAllLines(PROC.resolve("self").resolve("status")).stream()
                    .filter(l -> l.startsWith("Uid:")).map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<String> cmdline(Path proc) {
        try {
            String raw = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    /** Writes {@code stdin} (may be null) and closes the command's input, so it sees end-of-input. */
    private static void feed(OutputStream in, String stdin) {
        try (in) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the command exited without reading its input: its exit code says what happened
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
