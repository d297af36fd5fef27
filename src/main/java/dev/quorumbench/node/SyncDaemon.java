package dev.quorumbench.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Anti-entropy: every interval, pulls each peer's changes and applies them last-writer-wins, paging until the
 * peer has nothing newer. Each peer is pulled on its own thread so a hung peer delays only itself.
 *
 * <p>Safe mode pulls by the peer's own change sequence ({@code /sync/since?seq=N}), a watermark no clock can
 * distort. The unsafe wall-clock mode pulls rows with {@code updated_at >} this node's clock at its last
 * successful pull (minus a small margin against the commit race), so a node whose clock runs ahead skips rows.
 *
 * <p>Safe watermarks are stored with the rows they cover ({@link MemoryStore#applyPulled}), keyed by the peer's
 * database id: a restarted node resumes where it stopped instead of pulling every peer's whole history again while
 * it serves writes (which made each restart cost more as a campaign grew), and a peer whose database was replaced
 * is pulled from the start. Wall-clock watermarks (the unsafe mode) live in memory only.
 */
final class SyncDaemon implements AutoCloseable {
    static final int PAGE = 500;
    /** Rows committed while a wall-clock pull runs must not be skipped when clocks agree. */
    static final long WALLCLOCK_MARGIN_MS = 1_000;

    private final List<URI> peers;
    private final MemoryStore store;
    private final PeerClient client;
    private final NodeClock clock;
    private final long intervalMs;
    private final boolean wallclock;
    private final Consumer<String> log;
    private final long[] watermarks;
    private final PeerWatermark[] pulled;
    private final boolean[] loaded;
    private final boolean[] failing;
    private final ScheduledThreadPoolExecutor scheduler;

    SyncDaemon(List<URI> peers, MemoryStore store, PeerClient client, NodeClock clock, long intervalMs,
            boolean wallclock, Consumer<String> log) {
        this.peers = List.copyOf(peers);
        this.store = store;
        this.client = client;
        this.clock = clock;
        this.intervalMs = intervalMs;
        this.wallclock = wallclock;
        this.log = log;
        this.watermarks = new long[peers.size()];
        this.pulled = new PeerWatermark[peers.size()];
        this.loaded = new boolean[peers.size()];
        this.failing = new boolean[peers.size()];
        this.scheduler = new ScheduledThreadPoolExecutor(Math.max(1, peers.size()),
                Replicator.daemonThreads("sync"));
    }

    void start() {
        for (int i = 0; i < peers.size(); i++) {
            int peer = i;
            scheduler.scheduleWithFixedDelay(() -> round(peer), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    private void round(int peer) {
        try {
            int applied = wallclock ? pullByWallClock(peer) : pullBySequence(peer);
            if (failing[peer]) {
                failing[peer] = false;
                log.accept("sync peer=" + peers.get(peer) + " reachable again");
            }
            if (applied > 0) {
                log.accept("sync peer=" + peers.get(peer) + " applied=" + applied);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            if (!failing[peer]) {
                failing[peer] = true;
                log.accept("sync peer=" + peers.get(peer) + " failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage().replace('\n', ' ')));
            }
        }
    }

    /** One safe round from one peer; returns how many rows changed this store. */
    int pullBySequence(int peer) throws IOException, SQLException {
        String key = peers.get(peer).toString();
        if (!loaded[peer]) {
            pulled[peer] = store.watermark(key).orElse(null);
            loaded[peer] = true;
        }
        int applied = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long from = pulled[peer] == null ? 0 : pulled[peer].seq();
            JsonNode page = client.getJson(peers.get(peer).resolve("/api/v1/sync/since?seq=" + from + "&limit=" + PAGE));
            String peerDb = page.path("db_id").isTextual() ? page.path("db_id").asText() : null;
            if (from > 0 && peerDb != null && !peerDb.equals(pulled[peer].peerDb())) {
                // A different database answers at this address: its sequence is not the one the watermark counted.
                log.accept("sync peer=" + key + " has a new database (" + peerDb + "): pulling it from the start");
                pulled[peer] = null;
                continue;
            }
            List<Memory> rows = rows(page);
            long next = page.path("next_seq").asLong(from);
            if (rows.isEmpty() || next <= from) {
                return applied + store.apply(rows);
            }
            PeerWatermark reached = new PeerWatermark(peerDb, next);
            // A peer that does not say which database it is gets a watermark for this run only.
            applied += peerDb == null ? store.apply(rows) : store.applyPulled(rows, key, reached);
            pulled[peer] = reached;
        }
        return applied;
    }

    /** One unsafe wall-clock round from one peer; returns how many rows changed this store. */
    int pullByWallClock(int peer) throws IOException, SQLException {
        long started = clock.nowMs();
        long cursor = watermarks[peer];
        int applied = 0;
        while (!Thread.currentThread().isInterrupted()) {
            JsonNode page = client.getJson(peers.get(peer).resolve(
                    "/api/v1/sync/since?since_ms=" + cursor + "&limit=" + PAGE));
            List<Memory> rows = rows(page);
            applied += store.apply(rows);
            if (rows.size() < PAGE) {
                break;
            }
            // Re-ask from just below the last row's time: rows sharing that millisecond come again (harmless).
            long next = rows.get(rows.size() - 1).updatedAtMs() - 1;
            if (next <= cursor) {
                break;
            }
            cursor = next;
        }
        watermarks[peer] = started - WALLCLOCK_MARGIN_MS;
        return applied;
    }

    private static List<Memory> rows(JsonNode page) throws IOException {
        JsonNode memories = page.path("memories");
        if (!memories.isArray()) {
            throw new IOException("sync answer has no memories array");
        }
        List<Memory> rows = new ArrayList<>(memories.size());
        try {
            for (JsonNode m : memories) {
                rows.add(MemoryJson.fromJson(m));
            }
        } catch (BadRequestException e) {
            throw new IOException("peer sent an invalid row: " + e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
