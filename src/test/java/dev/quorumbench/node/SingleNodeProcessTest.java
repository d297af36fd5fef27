package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real node JVM: paging limits, bad input, SIGTERM and --parent-pid. */
@Tag("process")
class SingleNodeProcessTest {
    @TempDir
    Path dir;
    private NodeProcess node;
    private Process parent;

    @AfterEach
    void killAll() throws Exception {
        if (node != null) {
            node.kill();
        }
        if (parent != null) {
            parent.destroyForcibly();
            parent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private NodeProcess start(List<String> extra) throws Exception {
        node = new NodeProcess(dir, "solo", TestHttp.freePort(), dir.resolve("solo.db"), extra, Map.of());
        return node.start().awaitHealthy(60_000);
    }

    @Test
    void pagesAHundredAndSurvivesBadInputThenStopsOnSigterm() throws Exception {
        start(List.of());
        for (int i = 0; i < 100; i++) {
            assertEquals(201, TestHttp.post(node.uri(), "/api/v1/memories", TestHttp.memoryBody("hundred", "h" + i))
                    .status());
        }
        JsonNode dflt = TestHttp.get(node.uri(), "/api/v1/memories?namespace=hundred").json();
        assertEquals(20, dflt.path("count").asInt());
        assertEquals(20, dflt.path("memories").size());
        JsonNode all = TestHttp.get(node.uri(), "/api/v1/memories?namespace=hundred&limit=1000").json();
        assertEquals(100, all.path("count").asInt());
        assertEquals("h99", all.path("memories").get(99).path("title").asText());

        String[][] bad = {
            {"{\"namespace\":\"hundred\",\"title\":\"x\"}", "400"},
            {"{not json", "400"},
            {"{\"namespace\":\"hundred\",\"title\":\"x\",\"content\":\"" + "z".repeat(1_100_000) + "\"}", "413"},
            {"{\"namespace\":\"hundred\",\"title\":\"x\",\"content\":\"c\",\"tags\":[" + "\"t\",".repeat(40)
                    + "\"t\"]}", "400"}};
        for (String[] b : bad) {
            TestHttp.Answer a = TestHttp.post(node.uri(), "/api/v1/memories", b[0]);
            assertEquals(Integer.parseInt(b[1]), a.status(), a.raw().body());
            assertTrue(a.json().path("error").isTextual(), a.raw().body());
            assertEquals(201, TestHttp.post(node.uri(), "/api/v1/memories",
                    TestHttp.memoryBody("after-bad", "ok-" + b[0].length()))
                    .status(), "the node stopped serving after bad input");
        }

        int exit = node.terminate();
        assertEquals(143, exit, "SIGTERM exit status"); // the JVM reports 128+15 after running shutdown hooks
        assertTrue(node.log().contains("stopped node_id=solo"), node.log());
    }

    @Test
    void exitsWhenTheParentProcessDies() throws Exception {
        parent = new ProcessBuilder("sleep", "300").start();
        start(List.of("--parent-pid", String.valueOf(parent.pid())));
        parent.destroyForcibly();
        assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
        assertTrue(node.process().waitFor(20, TimeUnit.SECONDS), "node outlived its parent:\n" + node.log());
        assertEquals(0, node.process().exitValue());
        assertTrue(node.log().contains("parent process " + parent.pid() + " died"), node.log());
    }
}
