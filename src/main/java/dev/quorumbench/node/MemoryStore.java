package dev.quorumbench.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The node's durable memories in one SQLite file: one writer connection behind a lock, a few reader connections.
 *
 * <p>Each row has two local sequences: {@code seq}, fixed at first insert, orders listings (rows that arrive
 * later append at the end, so offset paging is stable while sync inserts); {@code change_seq}, renewed on every
 * change, is what peers pull by ({@code /sync/since}), so the watermark is this node's counter, not a clock.
 * How far this node has pulled each peer is kept here too, committed with the rows it covers, so a restarted node
 * resumes its pulls instead of re-reading every peer's whole history while it serves writes.
 */
public final class MemoryStore implements AutoCloseable {
    private static final int READERS = 4;
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };
    private static final String COLUMNS = "seq, change_seq, id, namespace, title, content, tier, tags, priority, "
            + "confidence, source, metadata, created_at, updated_at";

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private long lastChangeSeq;
    private String databaseId;

    private MemoryStore(Connection writer) {
        this.writer = writer;
    }

    /** Opens (creating if needed) the database at {@code path}. */
    public static MemoryStore open(Path path) throws SQLException {
        String url = "jdbc:sqlite:" + path.toAbsolutePath();
        MemoryStore store = new MemoryStore(config().createConnection(url));
        try {
            store.createSchema();
            for (int i = 0; i < READERS; i++) {
                store.readers.add(config().createConnection(url));
            }
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static SQLiteConfig config() {
        SQLiteConfig c = new SQLiteConfig();
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // In WAL mode synchronous=NORMAL fsyncs only at checkpoints, but every commit is written to the WAL file
        // (the OS page cache) before COMMIT returns. A SIGKILL of this process cannot lose that: the kernel still
        // holds the pages. Only a power loss or kernel crash could drop the last commits, which is outside the
        // fault model (process death, partitions, pauses, clock skew). FULL would fsync per commit for nothing.
        c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        c.setBusyTimeout(10_000);
        return c;
    }

    private void createSchema() throws SQLException {
        try (var st = writer.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS memories ("
                    + "seq INTEGER PRIMARY KEY AUTOINCREMENT, change_seq INTEGER NOT NULL, id TEXT NOT NULL, "
                    + "namespace TEXT NOT NULL, title TEXT NOT NULL, content TEXT NOT NULL, tier TEXT NOT NULL, "
                    + "tags TEXT NOT NULL, priority INTEGER NOT NULL, confidence REAL NOT NULL, source TEXT NOT NULL, "
                    + "metadata TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, "
                    + "UNIQUE (namespace, title))");
            st.executeUpdate("CREATE INDEX IF NOT EXISTS memories_change ON memories (change_seq)");
            st.executeUpdate("CREATE INDEX IF NOT EXISTS memories_ns_seq ON memories (namespace, seq)");
            st.executeUpdate("CREATE INDEX IF NOT EXISTS memories_updated ON memories (updated_at, seq)");
            st.executeUpdate("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.executeUpdate("CREATE TABLE IF NOT EXISTS sync_watermarks ("
                    + "peer TEXT PRIMARY KEY, peer_db TEXT NOT NULL, seq INTEGER NOT NULL)");
            // INSERT OR IGNORE: the id is made once, with the database, and never changes afterwards.
            try (PreparedStatement ps = writer.prepareStatement(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('db_id', ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.executeUpdate();
            }
            try (ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'db_id'")) {
                rs.next();
                databaseId = rs.getString(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(change_seq), 0) FROM memories")) {
                rs.next();
                lastChangeSeq = rs.getLong(1);
            }
        }
    }

    /** This database's identity, made when it was created: peers key their pull watermark by it. */
    public String databaseId() {
        return databaseId;
    }

    /**
     * Stores a client write: inserts a new key; on an existing key refuses ({@code merge=false}) or updates it
     * keeping its id. Durable (committed) when this returns.
     */
    public CreateOutcome create(WriteRequest request, String newId, long nowMs) throws SQLException {
        writeLock.lock();
        try {
            return inTransaction(() -> {
                Optional<Memory> existing = find(writer, request.namespace(), request.title());
                if (existing.isEmpty()) {
                    Memory m = request.toNewMemory(newId, nowMs);
                    insert(m);
                    return CreateOutcome.stored(m);
                }
                if (!request.merge()) {
                    return CreateOutcome.conflict(existing.get().id());
                }
                Memory merged = request.mergeInto(existing.get(), nowMs);
                update(merged);
                return CreateOutcome.stored(merged);
            });
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Applies rows from peers, last writer wins on (updated_at, id); identical or older versions are no-ops.
     *
     * @return how many rows changed this store
     */
    public int apply(List<Memory> incoming) throws SQLException {
        if (incoming.isEmpty()) {
            return 0;
        }
        writeLock.lock();
        try {
            return inTransaction(() -> applyRows(incoming));
        } finally {
            writeLock.unlock();
        }
    }

    /** Last writer wins, inside the caller's transaction. */
    private int applyRows(List<Memory> incoming) throws SQLException {
        int applied = 0;
        for (Memory m : incoming) {
            Optional<Memory> existing = find(writer, m.namespace(), m.title());
            if (existing.isEmpty()) {
                insert(m);
                applied++;
            } else if (m.newerThan(existing.get())) {
                update(m);
                applied++;
            }
        }
        return applied;
    }

    /**
     * Applies a page pulled from {@code peer} and records, in the same transaction, that everything up to
     * {@code watermark} is applied: after a crash the stored watermark never runs ahead of the stored rows.
     *
     * @return how many rows changed this store
     */
    public int applyPulled(List<Memory> incoming, String peer, PeerWatermark watermark) throws SQLException {
        writeLock.lock();
        try {
            return inTransaction(() -> {
                int applied = applyRows(incoming);
                try (PreparedStatement ps = writer.prepareStatement(
                        "INSERT OR REPLACE INTO sync_watermarks (peer, peer_db, seq) VALUES (?, ?, ?)")) {
                    ps.setString(1, peer);
                    ps.setString(2, watermark.peerDb());
                    ps.setLong(3, watermark.seq());
                    ps.executeUpdate();
                }
                return applied;
            });
        } finally {
            writeLock.unlock();
        }
    }

    /** How far this node had pulled {@code peer}, if it ever recorded it. */
    public Optional<PeerWatermark> watermark(String peer) throws SQLException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT peer_db, seq FROM sync_watermarks WHERE peer = ?")) {
                ps.setString(1, peer);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new PeerWatermark(rs.getString(1), rs.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    /** A page of memories in local insertion order; {@code namespace} null lists every namespace. */
    public List<Memory> list(String namespace, int limit, long offset) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM memories"
                + (namespace == null ? "" : " WHERE namespace = ?") + " ORDER BY seq LIMIT ? OFFSET ?";
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (namespace != null) {
                    ps.setString(i++, namespace);
                }
                ps.setInt(i++, limit);
                ps.setLong(i, offset);
                List<Memory> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Rows changed after local change sequence {@code seq}, oldest change first. */
    public List<SequencedMemory> changesSince(long seq, int limit) throws SQLException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM memories WHERE change_seq > ? ORDER BY change_seq LIMIT ?")) {
                ps.setLong(1, seq);
                ps.setInt(2, limit);
                List<SequencedMemory> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SequencedMemory(rs.getLong("change_seq"), row(rs)));
                    }
                }
                return out;
            }
        });
    }

    /** Rows whose updated_at is after {@code sinceMs} (the unsafe wall-clock sync), oldest first. */
    public List<Memory> updatedSince(long sinceMs, int limit) throws SQLException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM memories WHERE updated_at > ? ORDER BY updated_at, seq LIMIT ?")) {
                ps.setLong(1, sinceMs);
                ps.setInt(2, limit);
                List<Memory> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** The stored row under (namespace, title), if any. */
    public Optional<Memory> find(String namespace, String title) throws SQLException {
        return read(c -> find(c, namespace, title));
    }

    public long count() throws SQLException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM memories");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private Optional<Memory> find(Connection c, String namespace, String title) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM memories WHERE namespace = ? AND title = ?")) {
            ps.setString(1, namespace);
            ps.setString(2, title);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private void insert(Memory m) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO memories (change_seq, id, namespace, "
                + "title, content, tier, tags, priority, confidence, source, metadata, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, ++lastChangeSeq);
            ps.setString(2, m.id());
            ps.setString(3, m.namespace());
            ps.setString(4, m.title());
            bindBody(ps, 5, m);
            ps.executeUpdate();
        }
    }

    private void update(Memory m) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("UPDATE memories SET change_seq = ?, id = ?, "
                + "content = ?, tier = ?, tags = ?, priority = ?, confidence = ?, source = ?, metadata = ?, "
                + "created_at = ?, updated_at = ? WHERE namespace = ? AND title = ?")) {
            ps.setLong(1, ++lastChangeSeq);
            ps.setString(2, m.id());
            bindBody(ps, 3, m);
            ps.setString(12, m.namespace());
            ps.setString(13, m.title());
            ps.executeUpdate();
        }
    }

    /** Binds content, tier, tags, priority, confidence, source, metadata, created_at, updated_at from {@code i}. */
    private static void bindBody(PreparedStatement ps, int i, Memory m) throws SQLException {
        ps.setString(i, m.content());
        ps.setString(i + 1, m.tier());
        try {
            ps.setString(i + 2, Json.MAPPER.writeValueAsString(m.tags()));
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialize tags", e);
        }
        ps.setInt(i + 3, m.priority());
        ps.setDouble(i + 4, m.confidence());
        ps.setString(i + 5, m.source());
        ps.setString(i + 6, m.metadataJson());
        ps.setLong(i + 7, m.createdAtMs());
        ps.setLong(i + 8, m.updatedAtMs());
    }

    private static Memory row(ResultSet rs) throws SQLException {
        List<String> tags;
        try {
            tags = Json.MAPPER.readValue(rs.getString("tags"), STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored tags are not a JSON array", e);
        }
        return new Memory(rs.getString("id"), rs.getString("namespace"), rs.getString("title"),
                rs.getString("content"), rs.getString("tier"), tags, rs.getInt("priority"),
                rs.getDouble("confidence"), rs.getString("source"), rs.getString("metadata"),
                rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private interface SqlRead<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        long seqBefore = lastChangeSeq;
        writer.setAutoCommit(false);
        try {
            T result = work.run();
            writer.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            lastChangeSeq = seqBefore;
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    private static final long READER_WAIT_SECONDS = 10;

    private <T> T read(SqlRead<T> work) throws SQLException {
        Connection c;
        try {
            // Bounded: after close() the pool is empty for good, and a request still running must fail, not hang.
            c = readers.poll(READER_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            if (c == null) {
                throw new SQLException("no reader connection within " + READER_WAIT_SECONDS + " s (store closed?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for a reader connection", e);
        }
        try {
            return work.run(c);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closeQuietly(writer);
            Connection c;
            while ((c = readers.poll()) != null) {
                closeQuietly(c);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing at shutdown: nothing useful to do with a failure.
        }
    }
}
