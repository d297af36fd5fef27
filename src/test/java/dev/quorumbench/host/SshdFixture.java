package dev.quorumbench.host;

import dev.quorumbench.netns.SshKeys;
import dev.quorumbench.netns.SshdConfig;
import dev.quorumbench.time.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Debian sshd on a free loopback port, for tests: its own host key, a client key in its own
 * authorized_keys, a known-hosts file made for it, {@code -D -e -f} its own config (the machine's sshd config and
 * port 22 are never touched). {@link #close()} stops it and deletes every key.
 */
final class SshdFixture implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** sshd insists on its privilege-separation directory; Debian creates it at boot, a container may not have. */
    private static final Path PRIVSEP = Path.of("/run/sshd");

    final Path dir;
    final int port;
    final Path clientKey;
    final Path knownHosts;
    final String hostPublicKey;
    private final Process sshd;

    private SshdFixture(Path dir, int port, Path clientKey, Path knownHosts, String hostPublicKey, Process sshd) {
        this.dir = dir;
        this.port = port;
        this.clientKey = clientKey;
        this.knownHosts = knownHosts;
        this.hostPublicKey = hostPublicKey;
        this.sshd = sshd;
    }

    /** Skips the calling test, with the reason, where sshd, ssh-keygen or root is missing. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isExecutable(SSHD), "skipped: " + SSHD + " missing (apt-get install openssh-server)");
        Assumptions.assumeTrue(Files.isExecutable(SshKeys.KEYGEN), "skipped: " + SshKeys.KEYGEN + " missing");
        Assumptions.assumeTrue("0".equals(LocalHost.uid()), "skipped: a test sshd needs root");
    }

    static SshdFixture start() throws Exception {
        assumeAvailable();
        Path dir = Files.createTempDirectory("qb-sshd-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Process p = null;
        try {
            Files.createDirectories(PRIVSEP);
            String hostPub = SshKeys.generate(LocalHost.get(), dir.resolve("host_key"), "qb-test-host");
            String clientPub = SshKeys.generate(LocalHost.get(), dir.resolve("client_key"), "qb-test-client");
            Files.writeString(dir.resolve("authorized_keys"), clientPub + "\n");
            int port = freePort();
            Files.writeString(dir.resolve("known_hosts"), SshdConfig.knownHostsLine("127.0.0.1", port, hostPub) + "\n");
            SshdConfig cfg = new SshdConfig("127.0.0.1", port, dir.resolve("host_key"), dir.resolve("authorized_keys"),
                    null);
            Files.writeString(dir.resolve("sshd_config"), cfg.text());
            p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
            Process started = p;
            boolean up = Await.until(() -> !started.isAlive() || accepts(port), 10_000, 20);
            if (!up || !p.isAlive()) {
                throw new IllegalStateException("test sshd did not come up: " + Files.readString(dir.resolve("sshd.log")));
            }
            return new SshdFixture(dir, port, dir.resolve("client_key"), dir.resolve("known_hosts"), hostPub, p);
        } catch (Exception | Error e) {
            stop(p);
            delete(dir);
            throw e;
        }
    }

    SshEndpoint endpoint() {
        return new SshEndpoint("root", "127.0.0.1", port, clientKey, knownHosts);
    }

    /** The sshd processes serving open connections (children of the listening one). */
    List<Long> connectionPids() {
        return sshd.descendants().map(ProcessHandle::pid).toList();
    }

    @Override
    public void close() {
        stop(sshd);
        delete(dir);
    }

    private static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException ignored) {
            // a leftover temporary directory is visible and harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
