package dev.quorumbench.fault;

import dev.quorumbench.host.HostException;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.host.Signal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test helper: spawns real child processes and guarantees they are killed (SIGCONT first, then SIGKILL). */
final class Spawn implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();

    /** {@code sleep 60}: a real process to signal. */
    Process sleep() throws IOException {
        return start(new ProcessBuilder("sleep", "60"));
    }

    /** A child JVM running {@link ClockHealthMain} on a free port with extra environment; waits until it serves. */
    Process clockNode(int port, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ClockHealthMain.class.getName(), Integer.toString(port));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = start(pb);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return r.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(20, TimeUnit.SECONDS);
        if (!"ready".equals(line)) {
            throw new IllegalStateException("clock node did not start: " + line);
        }
        return p;
    }

    Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBin() {
        return System.getProperty("java.home") + "/bin/java";
    }

    @Override
    public void close() {
        for (Process p : processes) {
            if (p.isAlive()) {
                try {
                    // A stopped process would keep a pending SIGTERM; SIGKILL works regardless, CONT is for tidiness.
                    LocalHost.get().signal(p.pid(), Signal.CONT);
                } catch (HostException ignored) {
                    // SIGKILL below works on a stopped process too
                }
                p.destroyForcibly();
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
