package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged writes survive SIGKILL: each cycle writes a batch (plus a background writer that is still writing
 * when the kill lands), SIGKILLs the node, restarts it on the same database and pages through every write.
 */
@Tag("process")
class DurabilityProcessTest {
    private static final int CYCLES = 20;
    private static final int BATCH = 50;
    private static final int WRITERS = 4;

    @TempDir
    Path dir;
    private NodeProcess node;

    @AfterEach
    void kill() throws Exception {
        if (node != null) {
            node.kill();
        }
    }

    @Test
    void acknowledgedWritesSurviveRepeatedSigkill() throws Exception {
        int port = TestHttp.freePort();
        node = new NodeProcess(dir, "node-0", port, dir.resolve("node-0.db"), List.of(), Map.of());
        node.start().awaitHealthy(60_000);
        Set<String> acked = new HashSet<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            ConcurrentLinkedQueue<String> backgroundAcked = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            int c = cycle;
            Thread background = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String title = "bg-" + c + "-" + i;
                    try {
                        if (TestHttp.post(node.uri(), "/api/v1/memories", TestHttp.memoryBody("dur", title))
                                .status() == 201) {
                            backgroundAcked.add(title);
                        }
                    } catch (Exception e) {
                        return; // the node was killed under this write: its outcome is unknown, not acked
                    }
                }
            });
            background.start();
            acked.addAll(writeBatch(cycle));
            node.kill(); // SIGKILL while the background writer is mid-write
            stop.set(true);
            background.join(30_000);
            acked.addAll(backgroundAcked);

            node.start().awaitHealthy(60_000);
            List<String> listed = TestHttp.titles(node.uri(), "dur", 37); // odd page size: offsets cross batches
            Set<String> present = new HashSet<>(listed);
            Set<String> missing = new HashSet<>(acked);
            missing.removeAll(present);
            assertTrue(missing.isEmpty(), "cycle " + cycle + " lost acknowledged writes " + missing);
            assertEquals(present.size(), listed.size(), "a title is listed twice");
        }
        assertTrue(acked.size() >= CYCLES * BATCH);
    }

    /** Writes one batch on {@code WRITERS} threads (fewer round trips of wall time) and returns the acked titles. */
    private List<String> writeBatch(int cycle) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<String>> writes = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                String title = "w-" + cycle + "-" + i;
                writes.add(pool.submit(() -> {
                    TestHttp.Answer a = TestHttp.post(node.uri(), "/api/v1/memories",
                            TestHttp.memoryBody("dur", title));
                    assertEquals(201, a.status(), a.raw().body());
                    return title;
                }));
            }
            List<String> titles = new ArrayList<>();
            for (Future<String> f : writes) {
                titles.add(f.get(60, TimeUnit.SECONDS));
            }
            return titles;
        } finally {
            pool.shutdownNow();
        }
    }
}
