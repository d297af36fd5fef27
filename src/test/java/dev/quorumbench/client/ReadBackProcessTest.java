package dev.quorumbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClusterSpec;
import dev.quorumbench.cluster.Clusters;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.run.Outcome;
import dev.quorumbench.store.HttpTransport;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import dev.quorumbench.store.StoreTarget;
import dev.quorumbench.store.WriteItem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published shell harness read one default page and saw 100 acknowledged writes as 20. This proves, against a
 * real reference node whose default page is 20, that read-back pages to the end and counts all 100.
 */
@Tag("process")
class ReadBackProcessTest {

    @Test
    @Timeout(120)
    void readBackCountsAllHundredWritesAlthoughTheDefaultPageIsTwenty(@TempDir Path dir) throws Exception {
        try (Cluster node = Clusters.start(ClusterSpec.builder(TargetProfile.resolve("reference"), dir)
                .nodes(1).quorumWrites(1).linkProxies(false).build());
             StoreProtocol store = StoreProtocols.forTarget(StoreTarget.aiMemory("/api/v1/health", false), 5_000);
             HttpTransport http = new HttpTransport(1_000, 5_000)) {
            WriteClient client = new WriteClient(store, RetryPolicy.campaign(5_000), 5_000);
            String url = node.nodeUrl(0);
            for (int i = 0; i < 100; i++) {
                String id = "readback-w" + i;
                assertEquals(Outcome.OK, client.write(url, store.prepare(new WriteItem("readback", id, "x")),
                        System.nanoTime()).outcome());
            }
            int defaultPage = new ObjectMapper().readTree(http.get(url + "/api/v1/memories?namespace=readback").body())
                    .path("memories").size();
            assertEquals(20, defaultPage, "the trap: one default page shows 20 of 100");

            List<String> titles = new ReadBack(store, 5_000).ids(url, "readback");
            assertEquals(100, titles.size());
            assertEquals(100, new HashSet<>(titles).size());
        }
    }
}
