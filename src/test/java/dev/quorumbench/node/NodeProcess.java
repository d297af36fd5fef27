package dev.quorumbench.node;

import dev.quorumbench.time.Await;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real node JVM for process tests ({@code java -cp … dev.quorumbench.cli.Main node serve …}), so that SIGKILL and
 * restarts are real. Its stderr is appended to a log file that test failures can show.
 */
final class NodeProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final List<String> args;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    NodeProcess(Path dir, String name, int port, Path db, List<String> extraArgs, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.env = env;
        this.log = dir.resolve(name + ".log");
        this.args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--db",
                db.toString(), "--node-id", name));
        this.args.addAll(extraArgs);
    }

    /** Peer base URLs of the given ports. */
    static String peers(int... ports) {
        List<String> urls = new ArrayList<>();
        for (int p : ports) {
            urls.add("http://127.0.0.1:" + p);
        }
        return String.join(",", urls);
    }

    NodeProcess start() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small, quick-starting JVMs: the tests run many of them on a loaded 2-core machine.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), "dev.quorumbench.cli.Main", "node", "serve"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().remove("AI_MEMORY_DB");
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Waits until health answers 200; fails with the node's log when the deadline passes or the JVM exits. */
    NodeProcess awaitHealthy(long timeoutMs) throws Exception {
        boolean healthy = Await.until(() -> !process.isAlive() || answersHealth(), timeoutMs, 100);
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + log());
        }
        if (!healthy) {
            throw new AssertionError(name + " not healthy within " + timeoutMs + " ms:\n" + log());
        }
        return this;
    }

    private boolean answersHealth() {
        try {
            return TestHttp.get(uri(), "/api/v1/health").status() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL (the JVM itself is the child: no wrapper shell) and wait for it to be gone. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " survived SIGKILL for 20 s");
            }
        }
    }

    /** SIGTERM and wait; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not stop within 20 s of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    Process process() {
        return process;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
