package dev.quorumbench.campaign;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private final Consumer<String> sink;
    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private int lastDone = -1;
    private long lastPrintNanos;

    public ProgressMonitor(CampaignSpec spec, Consumer<String> sink) {
        this.spec = spec;
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

    /** Reads the JSONL files once and reports a line if anything changed. */
    void report() {
        int totalCycles = spec.cycles() * spec.faults().size();
        int done = 0;
        FaultClass current = null;
        long ok = 0;
        long qnm = 0;
        long fail = 0;
        long lost = 0;
        int currentCycles = 0;
        for (FaultClass fault : spec.faults()) {
            List<String> lines = readLines(RunFiles.cycleLog(spec.runPath(), fault));
            for (String line : lines) {
                try {
                    CycleRecord c = JSON.readValue(line, CycleRecord.class);
                    ok += c.ok();
                    qnm += c.quorumNotMet();
                    fail += c.fail();
                    lost += c.lostAcknowledged();
                    done++;
                } catch (IOException partialLine) {
                    // The writer is mid-line; the next round will see it whole.
                }
            }
            if (!lines.isEmpty() && lines.size() < spec.cycles()) {
                current = fault;
                currentCycles = lines.size();
            }
        }
        if (done == 0) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long eta = Math.round(elapsed / done * (totalCycles - done));
        String where = current == null ? "" : current + " cycle " + currentCycles + "/" + spec.cycles() + "  ";
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

    static String eta(long seconds) {
        return seconds >= 60 ? (seconds / 60) + "m" + String.format("%02d", seconds % 60) + "s" : seconds + "s";
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
