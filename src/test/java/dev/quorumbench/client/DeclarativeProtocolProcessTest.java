package dev.quorumbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClusterSpec;
import dev.quorumbench.cluster.Clusters;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import dev.quorumbench.store.StoreTarget;
import dev.quorumbench.store.WriteItem;
import dev.quorumbench.time.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled ai-memory description against a real three-node reference cluster: acknowledged writes with every node
 * up, quorum_not_met with both peers killed, and every page of a listing read when the page is far smaller than the
 * namespace; the named protocol "ai-memory" and a profile's protocol object agree on every count and listing. (Until
 * commit 932f8eb the named protocol was a hand-written client, and this test proved the description gave its
 * outcome counts and read-back.)
 */
@Tag("process")
class DeclarativeProtocolProcessTest {

    private static final int WRITES = 30;

    @Test
    @Timeout(180)
    void theAiMemoryDescriptionDrivesTheReferenceNode(@TempDir Path dir) throws Exception {
        TargetProfile declarative = TargetProfile.resolve("ai-memory-declarative");
        TargetProfile smallPages = smallPages(dir);
        try (Cluster cluster = Clusters.start(ClusterSpec.builder(declarative, dir.resolve("nodes"))
                .nodes(3).quorumWrites(2).quorumTimeoutMs(500).linkProxies(false).build());
             StoreProtocol named = StoreProtocols.forTarget(StoreTarget.aiMemory("/api/v1/health", false), 5_000);
             StoreProtocol described = StoreProtocols.forTarget(declarative.storeTarget(), 5_000);
             StoreProtocol paged = StoreProtocols.forTarget(smallPages.storeTarget(), 5_000)) {
            assertEquals(StoreTarget.HTTP, declarative.storeTarget().protocol());
            String primary = cluster.nodeUrl(0);

            // Every node up: the same writes through each protocol, each in its own namespace.
            assertEquals(Map.of(Outcome.OK, WRITES), writeAll(named, primary, "eq-named", WRITES));
            assertEquals(Map.of(Outcome.OK, WRITES), writeAll(described, primary, "eq-declared", WRITES));
            for (int node = 0; node < 3; node++) {
                String url = cluster.nodeUrl(node);
                for (String ns : List.of("eq-named", "eq-declared")) {
                    assertTrue(Await.until(() -> count(named, url, ns) == WRITES, 10_000, 50),
                            "node " + node + " holds every write of " + ns);
                    List<String> reference = new ReadBack(named, 5_000).ids(url, ns);
                    assertEquals(reference, new ReadBack(described, 5_000).ids(url, ns), "node " + node + " " + ns);
                    // A page of 7 rows: five pages and an empty one, the same ids in the same order.
                    assertEquals(reference, new ReadBack(paged, 5_000).ids(url, ns), "paged, node " + node);
                }
                // A peer lists in the order pushes arrived, so only the set is the write order's.
                assertEquals(new java.util.HashSet<>(ids("eq-named")),
                        new java.util.HashSet<>(new ReadBack(described, 5_000).ids(url, "eq-named")));
            }

            // Both peers down: W=2 cannot be met; both protocols see 503 quorum_not_met and keep the local write.
            cluster.kill(1);
            cluster.kill(2);
            assertEquals(Map.of(Outcome.QUORUM_NOT_MET, 3), writeAll(named, primary, "qnm-named", 3));
            assertEquals(Map.of(Outcome.QUORUM_NOT_MET, 3), writeAll(described, primary, "qnm-declared", 3));
            assertEquals(new ReadBack(named, 5_000).ids(primary, "qnm-named"),
                    new ReadBack(described, 5_000).ids(primary, "qnm-named"));
            assertEquals(3, new ReadBack(described, 5_000).ids(primary, "qnm-declared").size());
            assertEquals(3, new ReadBack(named, 5_000).ids(primary, "qnm-declared").size());
        }
    }

    /** The bundled description with a page of 7 rows. */
    private static TargetProfile smallPages(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode profile = (ObjectNode) json.readTree(Files.readString(Path.of("benchmarks/targets/ai-memory-declarative.json")));
        ((ObjectNode) profile.at("/protocol/list/paging")).put("limit", 7);
        Path f = dir.resolve("small-pages.json");
        Files.writeString(f, profile.toString());
        return TargetProfile.resolve(f.toString());
    }

    private static Map<Outcome, Integer> writeAll(StoreProtocol store, String url, String ns, int n) {
        WriteClient client = new WriteClient(store, RetryPolicy.campaign(1_500), 2_000);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (String id : ids(ns).subList(0, n)) {
            counts.merge(client.write(url, store.prepare(new WriteItem(ns, id, "v")), System.nanoTime()).outcome(),
                    1, Integer::sum);
        }
        return counts;
    }

    private static List<String> ids(String ns) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            ids.add(ns + "-w" + i);
        }
        return ids;
    }

    private static int count(StoreProtocol store, String url, String ns) {
        try {
            return new ReadBack(store, 5_000).ids(url, ns).size();
        } catch (IOException e) {
            return -1;
        }
    }
}
