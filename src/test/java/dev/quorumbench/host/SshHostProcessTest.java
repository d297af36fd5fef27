package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.netns.SshKeys;
import dev.quorumbench.netns.SshdConfig;
import dev.quorumbench.time.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link SshHost} against a real sshd on loopback ({@link SshdFixture}): every verb over one persistent session,
 * detached starts whose pid is the program itself, signals verified in /proc there, atomic writes, deadlines, and
 * host keys checked (an unknown or changed key is refused with one line).
 */
@Tag("process")
class SshHostProcessTest {

    private static SshdFixture sshd;
    private static SshHost host;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = SshdFixture.start();
        host = new SshHost(sshd.endpoint(), new JavaCommand("java", ""), 5000).connect();
    }

    @AfterAll
    static void stopSshd() {
        if (host != null) {
            host.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    /**
     * A half-open session: the sshd serving it is frozen (SIGSTOP), so TCP stays up but nothing answers. A command
     * in flight ends within the heartbeat's bound instead of its own 20 s deadline, and the next command opens a
     * new session, once.
     */
    @Test
    void aSessionThatStopsAnsweringIsNoticedWithinTheHeartbeatBoundAndReopenedOnce() throws Exception {
        try (SshdFixture own = SshdFixture.start();
             SshHost h = new SshHost(own.endpoint(), new JavaCommand("java", ""), 5000).connect()) {
            assertEquals(0, h.run(List.of("true"), null, 3000).exit());
            List<Long> serving = own.connectionPids();
            assertFalse(serving.isEmpty());
            java.util.concurrent.CompletableFuture<Object> inFlight = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return h.run(List.of("sleep", "30"), null, 20_000);
                        } catch (HostException e) {
                            return e;
                        }
                    });
            Thread.sleep(500);
            long t0 = System.nanoTime();
            for (long pid : serving) {
                ProcessHandle.of(pid).ifPresent(p -> signal(pid, "STOP"));
            }
            try {
                Object result = inFlight.get(SshSession.LOSS_BOUND_MS + 3000, java.util.concurrent.TimeUnit.MILLISECONDS);
                long noticedMs = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(result instanceof HostException || ((CommandResult) result).exit() == -1, String.valueOf(result));
                System.out.printf("a frozen SSH session was noticed after %d ms (bound %d ms): %s%n", noticedMs,
                        SshSession.LOSS_BOUND_MS, result);
                long t1 = System.nanoTime();
                assertEquals(new CommandResult(0, "again"), h.run(List.of("echo", "again"), null, 10_000));
                System.out.printf("the next command reopened the session in %d ms%n", (System.nanoTime() - t1) / 1_000_000);
                assertEquals(2, h.sessionsOpened(), "one new session");
            } finally {
                for (long pid : serving) {
                    signal(pid, "CONT");
                }
            }
        }
    }

    private static void signal(long pid, String sig) {
        try {
            new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void runPassesArgvExactlyFeedsStdinAndReportsTheExitCode() throws Exception {
        CommandResult r = host.run(List.of("printf", "%s|", "a b", "it's", "$HOME", "*"), null, 3000);
        assertEquals(new CommandResult(0, "a b|it's|$HOME|*|"), r);
        assertEquals("abc", host.run(List.of("cat"), "abc", 3000).output());
        assertEquals(3, host.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), null, 3000).exit());
    }

    /**
     * An armed command runs only when fired, with argv exactly, and a closed one never runs; firing costs less than
     * running the same command afresh (printed, not asserted: timing).
     */
    @Test
    void anArmedCommandRunsOnlyWhenFired() throws Exception {
        Path dir = Files.createTempDirectory("qb-armed");
        try {
            Path never = dir.resolve("never");
            try (ArmedCommand a = host.arm(List.of("touch", never.toString()), 5000)) {
                Thread.sleep(300);
                assertFalse(Files.exists(never), "armed is not run");
            }
            Thread.sleep(300);
            assertFalse(Files.exists(never), "closed unfired: never run");

            Path once = dir.resolve("it's once");
            ArmedCommand a = host.arm(List.of("sh", "-c", "touch \"$1\"; echo \"$1\"; exit 3", "x", once.toString()),
                    5000);
            Thread.sleep(300); // let the login shell finish, as a held fault window does
            long t0 = System.nanoTime();
            CommandResult r = a.fire(3000);
            long firedMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(new CommandResult(3, once.toString()), r);
            assertTrue(Files.exists(once));
            assertThrows(IllegalStateException.class, () -> a.fire(1000), "fires once");
            a.close();
            t0 = System.nanoTime();
            host.run(List.of("true"), null, 3000);
            System.out.printf("armed command: fire → result %d ms; the same over a fresh channel %d ms%n", firedMs,
                    (System.nanoTime() - t0) / 1_000_000);
            assertEquals(0, host.run(List.of("true"), null, 3000).exit(), "its channel slot was given back");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void aCommandThatOutlivesItsDeadlineIsAbandonedInTime() {
        long t0 = System.nanoTime();
        HostException e = assertThrows(HostException.class, () -> host.run(List.of("sleep", "7"), null, 300));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2000, "bounded: " + ms + " ms");
        assertTrue(e.getMessage().contains("did not finish within 300 ms"), e.getMessage());
    }

    @Test
    void startDetachesTheProgramItselfAndSignalsAreVerifiedThere() throws Exception {
        Path log = sshd.dir.resolve("logs/sleeper.log");
        HostProcess p = host.start(new ProcessSpec(List.of("sleep", "60"), Map.of("QB_MARK", "x y"), log,
                "=== banner"));
        try {
            long pid = p.pid();
            // The pid is printed before the program's exec completes: the wrapper's argv shows for a moment.
            Path cmdline = Path.of("/proc/" + pid + "/cmdline");
            assertTrue(Await.until(() -> read(cmdline).startsWith("sleep\0"), 3000, 5),
                    "the pid is the program, not a wrapper: " + read(cmdline));
            assertTrue(Files.readString(Path.of("/proc/" + pid + "/environ")).contains("QB_MARK=x y"));
            assertEquals(ProcessState.RUNNING, host.state(pid));
            assertTrue(p.isAlive());
            assertEquals("=== banner", Files.readString(log).strip());

            host.signal(pid, Signal.STOP);
            assertTrue(host.awaitState(pid, Set.of(ProcessState.STOPPED), 2000));
            assertTrue(host.stoppedProcesses().stream().anyMatch(i -> i.pid() == pid && i.argv().get(0).equals("sleep")));
            host.signal(pid, Signal.CONT);
            assertTrue(host.awaitState(pid, Set.of(ProcessState.RUNNING), 2000));

            host.signal(pid, Signal.KILL);
            assertTrue(p.awaitExit(3000), "gone after SIGKILL");
            assertFalse(p.isAlive());
        } finally {
            if (p.isAlive()) {
                host.signal(p.pid(), Signal.KILL);
            }
        }
    }

    /** The figure the README quotes: a signal sent and its effect read back, over the one session. */
    @Test
    void aSignalRoundTripOverThePersistentSessionTakesMilliseconds() throws Exception {
        HostProcess p = host.start(new ProcessSpec(List.of("sleep", "60"), Map.of(), sshd.dir.resolve("s.log"), ""));
        long[] signal = new long[40];
        long[] verified = new long[40];
        try {
            for (int i = 0; i < signal.length; i++) {
                long t0 = System.nanoTime();
                host.signal(p.pid(), i % 2 == 0 ? Signal.STOP : Signal.CONT);
                signal[i] = System.nanoTime() - t0;
                assertTrue(host.awaitState(p.pid(), Set.of(i % 2 == 0 ? ProcessState.STOPPED : ProcessState.RUNNING),
                        2000));
                verified[i] = System.nanoTime() - t0;
            }
        } finally {
            host.signal(p.pid(), Signal.KILL);
        }
        Arrays.sort(signal);
        Arrays.sort(verified);
        System.out.printf("ssh control latency over one session (%d signals, load %s): signal p50 %.1f ms max %.1f ms;"
                        + " signal+verified p50 %.1f ms max %.1f ms%n", signal.length, loadAverage(),
                signal[signal.length / 2] / 1e6, signal[signal.length - 1] / 1e6, verified[verified.length / 2] / 1e6,
                verified[verified.length - 1] / 1e6);
        assertEquals(1, host.sessionsOpened(), "every command went over the one session");
        assertTrue(signal[signal.length / 2] < 2_000_000_000L, "bounded: p50 " + signal[signal.length / 2]);
    }

    private static String loadAverage() {
        return read(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void writeFileReplacesAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        Path file = sshd.dir.resolve("files/clock.txt");
        host.writeFile(file, "+0\n");
        host.writeFile(file, "+60 it's\n");
        assertEquals("+60 it's\n", Files.readString(file));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList());
        }
        assertTrue(host.readable(file));
        assertFalse(host.readable(sshd.dir.resolve("files/none")));
    }

    @Test
    void factsAreProbedThere() {
        HostFacts f = host.facts();
        assertTrue(f.root());
        assertTrue(f.procfs());
        assertTrue(f.signals());
        assertEquals(Files.isExecutable(Iptables.BINARY), f.firewall().value().isPresent(), f.firewall().toString());
    }

    @Test
    void anUnknownHostKeyIsRefusedWithOneLine() throws Exception {
        Path empty = sshd.dir.resolve("empty_known_hosts");
        Files.writeString(empty, "");
        try (SshHost h = new SshHost(new SshEndpoint("root", "127.0.0.1", sshd.port, sshd.clientKey, empty),
                new JavaCommand("java", ""), 5000)) {
            HostUnreachableException e = assertThrows(HostUnreachableException.class, h::connect);
            assertTrue(e.getMessage().contains("is not in " + empty), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertThrows(HostUnreachableException.class, () -> h.run(List.of("true"), null, 2000), "never runs");
        }
    }

    @Test
    void aChangedHostKeyIsRefusedWithOneLine() throws Exception {
        Path other = sshd.dir.resolve("other_key");
        String otherPub = SshKeys.generate(LocalHost.get(), other, "other");
        Path changed = sshd.dir.resolve("changed_known_hosts");
        Files.writeString(changed, SshdConfig.knownHostsLine("127.0.0.1", sshd.port, otherPub) + "\n");
        try (SshHost h = new SshHost(new SshEndpoint("root", "127.0.0.1", sshd.port, sshd.clientKey, changed),
                new JavaCommand("java", ""), 5000)) {
            HostUnreachableException e = assertThrows(HostUnreachableException.class, h::connect);
            assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
        }
    }

    @Test
    void anEd25519KeyLogsInToo() throws Exception {
        Path ed = sshd.dir.resolve("ed_key");
        CommandResult gen = LocalHost.get().run(List.of(SshKeys.KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "",
                "-f", ed.toString()), null, 10_000);
        assertTrue(gen.ok(), gen.output());
        Files.writeString(sshd.dir.resolve("authorized_keys"), Files.readString(Path.of(ed + ".pub")),
                java.nio.file.StandardOpenOption.APPEND);
        try (SshHost h = new SshHost(new SshEndpoint("root", "127.0.0.1", sshd.port, ed, sshd.knownHosts),
                new JavaCommand("java", ""), 5000)) {
            assertEquals("ok", h.connect().run(List.of("echo", "ok"), null, 3000).output());
        }
    }

    @Test
    void aKeyTheHostDoesNotKnowCannotLogIn() throws Exception {
        Path stranger = sshd.dir.resolve("stranger_key");
        SshKeys.generate(LocalHost.get(), stranger, "stranger");
        try (SshHost h = new SshHost(new SshEndpoint("root", "127.0.0.1", sshd.port, stranger, sshd.knownHosts),
                new JavaCommand("java", ""), 5000)) {
            HostUnreachableException e = assertThrows(HostUnreachableException.class, h::connect);
            assertTrue(e.getMessage().startsWith("cannot reach root@127.0.0.1:" + sshd.port), e.getMessage());
        }
    }

    @Test
    void aHostWhereNothingListensIsUnreachableNamingIt() throws Exception {
        try (SshHost h = new SshHost(new SshEndpoint("root", "127.0.0.1", 1, sshd.clientKey, sshd.knownHosts),
                new JavaCommand("java", ""), 2000)) {
            HostUnreachableException e = assertThrows(HostUnreachableException.class, h::connect);
            assertTrue(e.getMessage().startsWith("cannot reach root@127.0.0.1:1 over SSH"), e.getMessage());
        }
    }
}
