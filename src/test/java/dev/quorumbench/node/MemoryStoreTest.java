package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryStoreTest {
    @TempDir
    Path dir;
    MemoryStore store;

    @BeforeEach
    void open() throws Exception {
        store = MemoryStore.open(dir.resolve("m.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static WriteRequest request(String ns, String title, String content, boolean merge) {
        return new WriteRequest("mid", ns, title, content, List.of("a"), 5, 1.0, "api", "{\"write_id\":\"" + title
                + "\"}", merge);
    }

    private static Memory row(String id, String title, String content, long updated) {
        return new Memory(id, "ns", title, content, "mid", List.of(), 5, 1.0, "api", "{}", 1, updated);
    }

    @Test
    void createsThenRefusesOrMergesAnExistingKey() throws Exception {
        CreateOutcome first = store.create(request("ns", "t", "v1", false), "id-1", 1000);
        assertEquals("id-1", first.memory().id());

        CreateOutcome refused = store.create(request("ns", "t", "v2", false), "id-2", 2000);
        assertTrue(refused.isConflict());
        assertEquals("id-1", refused.conflictId());

        CreateOutcome merged = store.create(request("ns", "t", "v3", true), "id-3", 3000);
        assertEquals("id-1", merged.memory().id());
        assertEquals("v3", merged.memory().content());
        assertEquals(3000, merged.memory().updatedAtMs());
        assertEquals(1000, merged.memory().createdAtMs());
        assertEquals(1, store.count());
        assertEquals("v3", store.find("ns", "t").orElseThrow().content());
    }

    @Test
    void mergeBeatsAStoredVersionStampedByAClockAhead() throws Exception {
        store.apply(List.of(row("id-1", "t", "from skewed peer", 90_000)));
        CreateOutcome merged = store.create(request("ns", "t", "local", true), "id-2", 30_000);
        assertEquals(90_001, merged.memory().updatedAtMs());
        assertEquals("local", store.find("ns", "t").orElseThrow().content());
    }

    @ParameterizedTest(name = "stored ({0},{1}) incoming ({2},{3}) -> applied={4}")
    @CsvSource({
        "a, 100, a, 200, true",   // newer update wins
        "a, 200, a, 100, false",  // older update loses
        "a, 100, a, 100, false",  // identical row: no-op
        "a, 100, b, 100, true",   // same time: greater id wins
        "b, 100, a, 100, false"})
    void appliesLastWriterWins(String storedId, long storedAt, String inId, long inAt, boolean applied)
            throws Exception {
        store.apply(List.of(row(storedId, "t", "stored", storedAt)));
        int n = store.apply(List.of(row(inId, "t", "incoming", inAt)));
        assertEquals(applied ? 1 : 0, n);
        Memory now = store.find("ns", "t").orElseThrow();
        assertEquals(applied ? "incoming" : "stored", now.content());
        assertEquals(1, store.count());
    }

    @Test
    void listsInLocalInsertionOrderAndUpdatesKeepTheirPlace() throws Exception {
        for (int i = 0; i < 5; i++) {
            store.create(request("ns", "t" + i, "c", false), "id-" + i, 10_000 - i); // times run backwards
        }
        store.create(request("other", "x", "c", false), "id-x", 1);
        store.apply(List.of(row("id-late", "late", "c", 1))); // an old row arriving late appends at the end
        store.create(request("ns", "t0", "changed", true), "unused", 20_000); // an update keeps its position

        List<String> titles = store.list("ns", 100, 0).stream().map(Memory::title).toList();
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "late"), titles);
        assertEquals(List.of("t2", "t3"), store.list("ns", 2, 2).stream().map(Memory::title).toList());
        assertEquals(List.of(), store.list("ns", 10, 6));
        assertEquals(7, store.list(null, 100, 0).size());
        assertEquals(List.of("x"), store.list("other", 20, 0).stream().map(Memory::title).toList());
    }

    @Test
    void changesSinceFollowsEveryChangeAndSkipsNoOps() throws Exception {
        store.create(request("ns", "a", "c", false), "id-a", 1);
        store.create(request("ns", "b", "c", false), "id-b", 2);
        List<SequencedMemory> all = store.changesSince(0, 100);
        assertEquals(List.of("a", "b"), all.stream().map(s -> s.memory().title()).toList());
        long mark = all.get(1).seq();

        assertEquals(0, store.apply(List.of(store.find("ns", "a").orElseThrow()))); // identical: no change
        assertTrue(store.changesSince(mark, 100).isEmpty());

        store.create(request("ns", "a", "c2", true), "unused", 3); // an update is a new change
        List<SequencedMemory> after = store.changesSince(mark, 100);
        assertEquals(List.of("a"), after.stream().map(s -> s.memory().title()).toList());
        assertTrue(after.get(0).seq() > mark);
        assertEquals(1, store.changesSince(0, 1).size());
    }

    @Test
    void changeSequenceSurvivesReopen() throws Exception {
        store.create(request("ns", "a", "c", false), "id-a", 1);
        long before = store.changesSince(0, 10).get(0).seq();
        store.close();
        store = MemoryStore.open(dir.resolve("m.db"));
        store.create(request("ns", "b", "c", false), "id-b", 2);
        List<SequencedMemory> all = store.changesSince(before, 10);
        assertEquals(1, all.size());
        assertTrue(all.get(0).seq() > before);
    }

    @Test
    void updatedSinceUsesWallClockTimes() throws Exception {
        store.apply(List.of(row("1", "old", "c", 100), row("2", "new", "c", 300)));
        assertEquals(List.of("new"), store.updatedSince(200, 10).stream().map(Memory::title).toList());
        assertEquals(2, store.updatedSince(0, 10).size());
    }

    @Test
    void keepsEveryFieldThroughARoundTrip() throws Exception {
        WriteRequest r = new WriteRequest("long", "ns", "t", "content ü", List.of("x", "y"), 9, 0.25, "src",
                "{\"write_id\":\"w\",\"n\":1}", false);
        store.create(r, "id", 1234);
        Memory m = store.find("ns", "t").orElseThrow();
        assertEquals(new Memory("id", "ns", "t", "content ü", "long", List.of("x", "y"), 9, 0.25, "src",
                "{\"write_id\":\"w\",\"n\":1}", 1234, 1234), m);
        assertEquals(m, MemoryJson.fromJson(MemoryJson.toJson(m)));
        assertFalse(store.find("ns", "missing").isPresent());
        assertNull(CreateOutcome.stored(m).conflictId());
    }
}
