package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.time.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * etcd members have no {@code --parent-pid}: only the node guard ends them when the JVM that started them (a JMH
 * fork; here {@link GuardedClusterMain}) is SIGKILLed. With the guard switched off they run on, which is the control
 * that shows the test can fail.
 */
@Tag("process")
class EtcdNodeGuardProcessTest {

    private static final Path ETCD = Path.of("/usr/bin/etcd");

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void etcdMembersDieWithTheSigkilledForkOnlyBecauseOfTheGuard() throws Exception {
        if (!Files.isExecutable(ETCD)) {
            System.out.println("EtcdNodeGuardProcessTest skipped: no " + ETCD + " (Debian etcd-server)");
        }
        Assumptions.assumeTrue(Files.isExecutable(ETCD), "no " + ETCD);
        Path profile = localEtcdProfile();

        List<ProcessHandle> guarded = startAndKillFork(profile, "guarded", true);
        long t0 = System.nanoTime();
        boolean gone = Await.until(() -> guarded.stream().noneMatch(ProcessHandle::isAlive), 10_000, 20);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        List<ProcessHandle> left = guarded.stream().filter(ProcessHandle::isAlive).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        System.out.println("etcd members after SIGKILL of their fork, guarded: gone after " + ms + " ms, left "
                + left.size());
        assertTrue(gone, "etcd members outlived the SIGKILLed fork by 10 s: " + left);

        List<ProcessHandle> unguarded = startAndKillFork(profile, "unguarded", false);
        try {
            Thread.sleep(3000);
            long alive = unguarded.stream().filter(ProcessHandle::isAlive).count();
            System.out.println("etcd members 3 s after SIGKILL of their fork, guard off: " + alive + " still run");
            assertEquals(3, alive, "the control: without the guard nothing ends etcd members");
        } finally {
            unguarded.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The bundled etcd profile on this machine (no namespace cluster): three members on loopback ports. */
    private Path localEtcdProfile() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode p = (ObjectNode) json.readTree(Path.of("benchmarks", "targets", "etcd.json").toFile());
        p.remove("host");
        Path file = dir.resolve("etcd-local.json");
        json.writeValue(file.toFile(), p);
        return file;
    }

    /** Starts the stand-in fork, reads its members' pids once healthy, SIGKILLs it; returns the members. */
    private List<ProcessHandle> startAndKillFork(Path profile, String name, boolean guard) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        Process fork = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + NodeProcess.GUARD_PROPERTY + "=" + guard, "-cp", System.getProperty("java.class.path"),
                GuardedClusterMain.class.getName(), profile.toString(), work.toString())
                .redirectErrorStream(true).start();
        List<ProcessHandle> members = new ArrayList<>();
        try {
            CompletableFuture<String> pids = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(fork.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    StringBuilder seen = new StringBuilder();
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        if (l.startsWith("pids ")) {
                            return l.substring(5);
                        }
                        seen.append(l).append('\n');
                    }
                    return "exited: " + seen;
                } catch (java.io.IOException e) {
                    return "unreadable: " + e;
                }
            });
            String line = pids.get(90, TimeUnit.SECONDS);
            assertTrue(line.matches("\\d+,\\d+,\\d+"), "the stand-in fork did not start its members: " + line);
            for (String pid : line.split(",")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(members::add);
            }
            assertEquals(3, members.size(), "three live members");
            assertTrue(members.stream().allMatch(m -> m.info().command().orElse("").endsWith("etcd")), "etcd itself");
        } finally {
            fork.destroyForcibly(); // SIGKILL: none of its shutdown hooks run
            fork.waitFor(10, TimeUnit.SECONDS);
        }
        return members;
    }
}
