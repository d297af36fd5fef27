package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.time.Deadline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The declarative read-back against an in-process etcd-shaped node ({@link KvTestNode}): continuation paging from
 * the last base64 key, the {@code more} flag, an empty array left out, and writes outside the cycle's prefix.
 */
class HttpStoreListTest {

    private static HttpStore store(int limit, boolean local) throws Exception {
        ObjectNode profile = (ObjectNode) new ObjectMapper().readTree(
                Files.readString(Path.of("src/test/resources/targets/kv-forwarding-local.json")));
        ((ObjectNode) profile.at("/protocol/list/paging")).put("limit", limit);
        if (!local) {
            ((ObjectNode) profile.at("/protocol/list/request/body")).remove("local");
        }
        return TargetProfile.parse(profile.toString(), "kv", "kv.json").http();
    }

    @ParameterizedTest(name = "{0} writes, pages of {1}")
    @CsvSource({"0, 3", "1, 1", "10, 1", "10, 3", "10, 10", "10, 1000", "9, 3"})
    void pagesFromTheLastKeyToTheEndOfTheCyclesPrefix(int writes, int limit) throws Exception {
        HttpServer node = KvTestNode.start("127.0.0.1", 0, "store", null);
        String url = "http://127.0.0.1:" + node.getAddress().getPort();
        try (HttpStoreProtocol p = new HttpStoreProtocol(store(limit, true), new HttpTransport(1_000, 2_000), false)) {
            List<String> written = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                String id = "ns-w" + i;
                written.add(id);
                assertEquals(AttemptResult.CREATED, p.attempt(url, p.prepare(new WriteItem("ns", id, "v")), 2_000).result());
            }
            // Neighbours on both sides of the prefix /qb/ns/ must not be listed.
            p.attempt(url, p.prepare(new WriteItem("nr", "nr-w0", "v")), 2_000);
            p.attempt(url, p.prepare(new WriteItem("ns0", "ns0-w0", "v")), 2_000);
            p.attempt(url, p.prepare(new WriteItem("ns-w", "ns-w-x", "v")), 2_000);
            List<String> listed = p.listIds(url, "ns", new ListLimits(1_000, Deadline.in(5_000)));
            assertEquals(written.stream().sorted().toList(), listed);
        } finally {
            node.stop(0);
        }
    }

    @ParameterizedTest(name = "local={0}")
    @CsvSource({"true, 0", "false, 4"})
    void aForwardedReadShowsTheLeadersCopyAndALocalReadTheNodesOwn(boolean local, int expected) throws Exception {
        HttpServer leader = KvTestNode.start("127.0.0.1", 0, "store", null);
        String leaderUrl = "http://127.0.0.1:" + leader.getAddress().getPort();
        HttpServer follower = KvTestNode.start("127.0.0.1", 0, "store", leaderUrl);
        String followerUrl = "http://127.0.0.1:" + follower.getAddress().getPort();
        try (HttpStoreProtocol p = new HttpStoreProtocol(store(3, local), new HttpTransport(1_000, 2_000), false)) {
            for (int i = 0; i < 4; i++) {
                p.attempt(leaderUrl, p.prepare(new WriteItem("ns", "ns-w" + i, "v")), 2_000);
            }
            assertEquals(expected, p.listIds(followerUrl, "ns", new ListLimits(1_000, Deadline.in(5_000))).size());
        } finally {
            follower.stop(0);
            leader.stop(0);
        }
    }
}
