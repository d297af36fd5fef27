package dev.quorumbench.campaign;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Watches the JSONL files a running campaign appends to and reports progress (fault, cycle n/N, running
 * counts, ETA) every few seconds. It runs in the parent process, so JMH's own output can go to jmh.log.
 */
public final class ProgressMonitor implements AutoCloseable {

    // Progress only needs the counts; a line from a newer record shape must not stop the display.
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final long PERIOD_MS = 3_000;
    private static final long QUIET_NANOS = 30_000_000_000L;

    private final CampaignSpec spec;
    private final List<Path> runPaths;
    private final Consumer<String> sink;
    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private int lastDone = -1;
    private long lastPrintNanos;
    private final Map<FaultClass, List<Tally>> tallies = new EnumMap<>(FaultClass.class);

    /** Progress of an ordinary campaign: its own run directory. */
    public ProgressMonitor(CampaignSpec spec, Consumer<String> sink) {
        this(spec, List.of(spec.runPath()), sink);
    }

    /**
     * Progress over several run directories of the same faults and cycles: an interleaved campaign's two arms,
     * whose cycles alternate, so both count and a cycle of the class is one of either arm.
     */
    public ProgressMonitor(CampaignSpec spec, List<Path> runPaths, Consumer<String> sink) {
        this.spec = spec;
        this.runPaths = List.copyOf(runPaths);
        this.sink = sink;
        this.thread = new Thread(this::loop, "quorumbench-progress");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            report();
        }
    }

    /**
     * Reads what the JSONL files gained since the last round and reports a line if anything changed. Only new
     * bytes are read: re-reading every line each round cost time and garbage in proportion to the run's length,
     * which a multi-hour soak's parent process paid every 3 s. Synchronized: the runner reports once more from its
     * own thread after a failed campaign, and two rounds reading the same new bytes would count them twice.
     */
    synchronized void report() {
        int cyclesPerFault = spec.cycles() * runPaths.size();
        int totalCycles = cyclesPerFault * spec.faults().size();
        int done = 0;
        FaultClass current = null;
        long ok = 0;
        long qnm = 0;
        long fail = 0;
        long lost = 0;
        int currentCycles = 0;
        for (FaultClass fault : spec.faults()) {
            List<Tally> arms = tallies.computeIfAbsent(fault, f -> runPaths.stream()
                    .map(run -> new Tally(RunFiles.cycleLog(run, f))).toList());
            int lines = 0;
            for (Tally t : arms) {
                t.readNew();
                ok += t.ok;
                qnm += t.qnm;
                fail += t.fail;
                lost += t.lost;
                done += t.parsed;
                lines += t.lines;
            }
            if (lines > 0 && lines < cyclesPerFault) {
                current = fault;
                currentCycles = lines;
            }
        }
        if (done == 0) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long eta = Math.round(elapsed / done * (totalCycles - done));
        String where = current == null ? "" : current + " cycle " + currentCycles + "/" + cyclesPerFault
                + (runPaths.size() > 1 ? " (arms together)" : "") + "  ";
        String line = String.format("progress: %s%d/%d cycles  ok %d  quorum_not_met %d  fail %d  lost %d  ETA %s",
                where, done, totalCycles, ok, qnm, fail, lost, eta(eta));
        // A new line when a cycle finished, and otherwise twice a minute so a long fork start is not silent.
        long now = System.nanoTime();
        if (done != lastDone || now - lastPrintNanos > QUIET_NANOS) {
            lastDone = done;
            lastPrintNanos = now;
            sink.accept(line);
        }
    }

    /** The running counts of one JSONL file, advanced by the bytes appended since the last read. */
    private static final class Tally {
        private final Path file;
        private long offset;
        private byte[] partial = new byte[0];
        int lines;
        int parsed;
        long ok;
        long qnm;
        long fail;
        long lost;

        Tally(Path file) {
            this.file = file;
        }

        void readNew() {
            byte[] fresh;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size < offset) {
                    return; // the file was replaced under us; progress is a display, keep what was counted
                }
                // At most 8 MiB a round: a huge append is taken over several rounds, never all into memory.
                int n = (int) Math.min(size - offset, 8L << 20);
                ByteBuffer buf = ByteBuffer.allocate(n);
                while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
                    // read until the slice is full or the file ends
                }
                fresh = Arrays.copyOf(buf.array(), buf.position());
                offset += fresh.length;
            } catch (IOException e) {
                return; // not there yet, or unreadable for a moment: the next round tries again
            }
            byte[] data = partial.length == 0 ? fresh : concat(partial, fresh);
            int from = 0;
            for (int i = 0; i < data.length; i++) {
                if (data[i] == '\n') {
                    count(new String(data, from, i - from, StandardCharsets.UTF_8));
                    from = i + 1;
                }
            }
            partial = Arrays.copyOfRange(data, from, data.length);
        }

        private void count(String line) {
            if (line.isBlank()) {
                return;
            }
            lines++;
            try {
                CycleRecord c = JSON.readValue(line, CycleRecord.class);
                ok += c.ok();
                qnm += c.quorumNotMet();
                fail += c.fail();
                lost += c.lostAcknowledged();
                parsed++;
            } catch (IOException notARecord) {
                // A whole line that is not a record: counted as a cycle line, its counts unknown.
            }
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    static String eta(long seconds) {
        return seconds >= 60 ? (seconds / 60) + "m" + String.format("%02d", seconds % 60) + "s" : seconds + "s";
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
