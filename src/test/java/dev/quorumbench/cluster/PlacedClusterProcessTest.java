package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.netns.NetnsCluster;
import dev.quorumbench.netns.NetnsLayout;
import dev.quorumbench.time.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code hosts} profile on the namespace cluster (root): node i runs in namespace i, started over SSH, its peers
 * reached at their namespace addresses (a W=3 write is acknowledged only if both peers answer across the bridge),
 * SIGKILL and restart over SSH, and close leaves nothing but sshd in the namespaces.
 */
@Tag("process")
class PlacedClusterProcessTest {

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void eachNodeRunsOnItsOwnHostAndIsControlledOverSsh() throws Exception {
        Assumptions.assumeTrue(LocalHost.get().facts().root(), "skipped: a namespace cluster needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "skipped: openssh-server missing");
        NetnsLayout layout = NetnsLayout.of("qbc", "10.213.80.0/24", 3);
        NetnsCluster netns = new NetnsCluster(layout, tmp.resolve("cluster"));
        try {
            TargetProfile profile = TargetProfile.resolve(netns.up().toString());
            try (Cluster c = Clusters.start(ClusterSpec.builder(profile, tmp.resolve("work")).quorumWrites(3).build())) {
                for (int i = 0; i < 3; i++) {
                    assertEquals("http://" + layout.hostAddress(i) + ":19077", c.nodeUrl(i));
                    assertEquals(layout.hostNamespace(i), machine(List.of("ip", "netns", "identify",
                            Long.toString(c.pid(i)))), "node-" + i + " runs in its own namespace");
                }
                assertTrue(Await.until(() -> write(c, "across-the-bridge") == 201, 30_000, 200),
                        "a W=3 write is acknowledged by both peers across the bridge");

                long pid = c.pid(0);
                c.kill(0);
                assertEquals(ProcessState.GONE, c.host(0).state(pid));
                long ms = c.restart(0);
                assertTrue(c.pid(0) > 0 && c.pid(0) != pid, "restarted over SSH in " + ms + " ms");
            }
            for (int i = 0; i < 3; i++) {
                String ns = layout.hostNamespace(i);
                // A node's guard ends by itself within its 0.2 s poll once the node is gone; give it a few polls.
                Await.until(() -> notSshd(ns).isEmpty(), 5_000, 100);
                assertEquals(List.of(), notSshd(ns), "only sshd (listener, the harness's session) is left in " + ns);
            }
        } finally {
            netns.down();
        }
    }

    private int write(Cluster c, String title) {
        String body = "{\"namespace\":\"placed-test\",\"title\":\"" + title + "\",\"content\":\"c\"}";
        try {
            return http.send(HttpRequest.newBuilder(URI.create(c.nodeUrl(0) + "/api/v1/memories"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** The command lines of the processes in namespace {@code ns} that are not sshd. */
    private static List<String> notSshd(String ns) {
        try {
            List<String> others = new java.util.ArrayList<>();
            for (String pid : machine(List.of("ip", "netns", "pids", ns)).split("\\s+")) {
                String args = LocalHost.get().run(List.of("ps", "-o", "args=", "-p", pid), null, 3000).output();
                if (!args.isEmpty() && !args.startsWith("sshd")) {
                    others.add(args);
                }
            }
            return others;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String machine(List<String> argv) throws Exception {
        CommandResult r = LocalHost.get().run(argv, null, 5000);
        assertTrue(r.ok(), argv + ": " + r.output());
        return r.output().strip();
    }
}
