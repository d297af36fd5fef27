package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.net.LinkMode;
import dev.quorumbench.time.Await;
import dev.quorumbench.time.Deadline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spawns three real reference nodes ({@code node serve}) through the bundled profile, wired by link proxies. */
@Tag("process")
class ReferenceClusterProcessTest {

    @TempDir
    Path dir;
    private Cluster cluster;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void cleanUp() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private HttpResponse<String> write(int node, String title) throws Exception {
        String body = "{\"namespace\":\"target-test\",\"title\":\"" + title + "\",\"content\":\"c\"}";
        return http.send(HttpRequest.newBuilder(URI.create(cluster.nodeUrl(node) + "/api/v1/memories"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String list(int node) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.nodeUrl(node)
                        + "/api/v1/memories?namespace=target-test&limit=1000")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void awaitOnEveryNode(String title, long ms) throws Exception {
        Deadline deadline = Deadline.in(ms);
        for (int i = 0; i < cluster.size(); i++) {
            int node = i;
            assertTrue(Await.until(() -> lists(node, title), deadline.leftMs(), 50), title + " never reached node-" + i);
        }
    }

    private boolean lists(int node, String title) {
        try {
            return list(node).contains("\"" + title + "\"");
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void quorumWritesGoThroughTheProxiesAndSurviveKillAndRestart() throws Exception {
        cluster = Clusters.start(ClusterSpec.builder(TargetProfile.resolve("reference"), dir)
                .quorumTimeoutMs(2000).build());
        List<ProcessHandle> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(ProcessHandle.of(cluster.pid(i)).orElseThrow());
            assertTrue(ClusterProcessTest.get(cluster.nodeUrl(i) + "/api/v1/health").contains("\"status\":\"ok\""));
        }

        // the first writes meet cold JVMs on a loaded machine and may miss the quorum timeout: warm up
        String healthy = null;
        for (int attempt = 0; attempt < 10 && healthy == null; attempt++) {
            if (write(0, "healthy-" + attempt).statusCode() == 201) {
                healthy = "healthy-" + attempt;
            }
        }
        assertTrue(healthy != null, "no write reached its quorum in 10 tries");
        awaitOnEveryNode(healthy, 10_000);

        // cut node 0's outbound links: its fan-out stalls in the proxies and the write misses its quorum
        LinkControl links = cluster.links();
        links.blackhole(0, 1);
        links.blackhole(0, 2);
        HttpResponse<String> cut = write(0, "partitioned");
        assertEquals(503, cut.statusCode(), cut.body());
        assertTrue(cut.body().contains("quorum_not_met"), cut.body());
        assertEquals(LinkMode.BLACKHOLE, links.status(0, 1).mode());
        links.healAll();
        awaitOnEveryNode("partitioned", 15_000);

        // every response of node 0's fan-out is dropped: requests land, acks never come back
        links.dropResponses(0, 1, 1.0, 1);
        links.dropResponses(0, 2, 1.0, 2);
        HttpResponse<String> noAcks = write(0, "acks-dropped");
        assertEquals(503, noAcks.statusCode(), noAcks.body());
        assertTrue(links.droppedResponses() >= 2, "dropped " + links.droppedResponses());
        links.healAll();

        cluster.kill(0);
        assertFalse(nodes.get(0).isAlive());
        long recoveryMs = cluster.restart(0);
        System.out.println("reference node-0 restart: healthy after " + recoveryMs + " ms");
        assertTrue(list(0).contains("\"" + healthy + "\""), "an acknowledged write survives SIGKILL");
        HttpResponse<String> after = write(0, "after-restart");
        // a cold node may miss its first quorum; either way the write is stored and spreads through its proxies
        assertTrue(after.statusCode() == 201 || after.body().contains("quorum_not_met"), after.body());
        awaitOnEveryNode("after-restart", 15_000);
        nodes.add(ProcessHandle.of(cluster.pid(0)).orElseThrow());

        cluster.close();
        for (ProcessHandle h : nodes) {
            assertTrue(h.onExit().isDone() || !h.isAlive(), "node pid " + h.pid() + " survived close()");
        }
        for (int i = 0; i < 3; i++) {
            assertFalse(Files.exists(dir.resolve("node-" + i + ".db")), "database of node-" + i + " left behind");
            assertTrue(Files.exists(dir.resolve("node-" + i + ".log")));
        }
    }
}
