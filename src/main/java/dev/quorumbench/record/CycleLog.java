package dev.quorumbench.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.run.CycleRecord;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Appends one {@link CycleRecord} per line to {@code phase4-<fault>.jsonl}, flushed as written, because JMH writes
 * its own result file only after every benchmark ended and an interrupted campaign must keep what it measured.
 */
public final class CycleLog implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;

    public CycleLog(Path file) throws IOException {
        this.out = new FileOutputStream(file.toFile(), true);
    }

    /** The exact text of one JSONL line, without its newline (sealed by a golden test). */
    public static String line(CycleRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (IOException e) {
            throw new IllegalStateException("a CycleRecord always serialises", e);
        }
    }

    public void append(CycleRecord record) throws IOException {
        out.write((line(record) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
