package dev.quorumbench.node;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Builds in-process node configurations for tests (port 0: the OS picks a free one). */
final class TestNodes {
    private TestNodes() {
    }

    static NodeConfig config(Path db, int w, List<URI> peers, long quorumTimeoutMs) {
        return new NodeConfig("127.0.0.1", 0, "test-node", db, w, peers, quorumTimeoutMs, 100, 0, 1 << 20, false,
                false, false, 0, false);
    }

    static URI base(ReferenceNode node) {
        return URI.create("http://127.0.0.1:" + node.port());
    }
}
