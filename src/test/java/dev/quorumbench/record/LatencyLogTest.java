package dev.quorumbench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyLogTest {

    @Test
    void perCycleOneTaggedIntervalPerOutcomeAndOneUntaggedOfAllReadableByHistogramLogReader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latency-x.hlog");
        OutcomeRecorders recorders = new OutcomeRecorders();
        long start = 1_795_000_000_000L;
        try (LatencyLog log = new LatencyLog(file, start, "test")) {
            recorders.record(Outcome.OK, 1_500_000);      // 1.5 ms
            recorders.record(Outcome.OK, 2_500_000);
            recorders.record(Outcome.FAIL, 10_000_000_000L); // 10 s
            log.append(recorders.interval(), start + 1_000, start + 2_000);
            recorders.record(Outcome.QUORUM_NOT_MET, 3_000_000);
            log.append(recorders.interval(), start + 2_000, start + 3_000);
        }
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        List<String> tags = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        Histogram h;
        Histogram firstOk = null;
        while ((h = (Histogram) reader.nextIntervalHistogram()) != null) {
            tags.add(h.getTag());
            counts.add(h.getTotalCount());
            if (firstOk == null && "ok".equals(h.getTag())) {
                firstOk = h;
            }
        }
        assertEquals(Arrays.asList("ok", "fail", null, "quorum_not_met", null), tags,
                "empty outcomes are skipped; the untagged interval follows each cycle's tagged ones");
        assertEquals(List.of(2L, 1L, 3L, 1L, 1L), counts);
        assertEquals(start / 1000.0, reader.getStartTimeSec(), 0.001);
        assertEquals(2_500, firstOk.getMaxValue(), 5, "values are microseconds");
        assertEquals(start + 1_000, firstOk.getStartTimeStamp());
    }

    @Test
    void summaryOfEmptyHistogramIsZero() {
        CycleRecord.LatencySummary s = OutcomeRecorders.summary(new Histogram(3));
        assertEquals(0, s.count());
    }
}
