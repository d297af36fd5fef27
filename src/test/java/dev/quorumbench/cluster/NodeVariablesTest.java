package dev.quorumbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The values of a node's placeholders, in particular those of a store whose members have a peer port (etcd). */
class NodeVariablesTest {

    /** members: "host:peerPort" separated by spaces, node-0 first. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.0.10:2380                               | node-0=http://10.0.0.10:2380",
            "10.0.0.10:2380 10.0.0.11:2380 10.0.0.12:2380 | node-0=http://10.0.0.10:2380,node-1=http://10.0.0.11:2380,node-2=http://10.0.0.12:2380",
            "127.0.0.1:10001 127.0.0.1:10002              | node-0=http://127.0.0.1:10001,node-1=http://127.0.0.1:10002",
            "::1:10001                                    | node-0=http://[::1]:10001",
    })
    void initialClusterNamesEveryMemberByItsPeerUrl(String members, String expected) {
        assertEquals(expected, NodeVariables.initialCluster(addresses(members)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | 2380  | http://10.0.0.10:2380",
            "1 | 12380 | http://10.0.0.11:12380",
    })
    void peerPortAndUrlAreTheNodesOwn(int index, int peerPort, String peerUrl) {
        List<NodeAddress> members = new ArrayList<>(List.of(new NodeAddress("10.0.0.10", 2380),
                new NodeAddress("10.0.0.11", 2380)));
        members.set(index, new NodeAddress(members.get(index).host(), peerPort));
        ClusterSpec spec = ClusterSpec.builder(TargetProfile.resolve("reference"), Path.of("/w")).nodes(2)
                .campaignId("c-42").build();
        Map<String, String> v = NodeVariables.of(spec, index, members.get(index).host(), 2379,
                List.of("http://x:1"), members, Path.of("/w/node-" + index + ".db"), "java", "cp", 7);
        assertEquals(Integer.toString(peerPort), v.get("peer_port"));
        assertEquals(peerUrl, v.get("peer_url"));
        assertEquals("c-42", v.get("campaign_id"));
        assertEquals("node-" + index, v.get("node_id"));
        assertEquals(Placeholders.NAMES, v.keySet(), "every placeholder has a value");
    }

    private static List<NodeAddress> addresses(String spaced) {
        List<NodeAddress> out = new ArrayList<>();
        for (String m : spaced.trim().split("\\s+")) {
            int colon = m.lastIndexOf(':');
            out.add(new NodeAddress(m.substring(0, colon), Integer.parseInt(m.substring(colon + 1))));
        }
        return out;
    }
}
