package dev.quorumbench.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parses the text of a {@code phase4-<fault>.jsonl}. A last line that does not parse was cut off by an
 * interrupted run and is reported, not fatal; a bad line anywhere else is an input error naming file:line.
 */
final class CycleLogReader {

    /** The parsed lines and whether the last one was dropped as cut off. */
    record Parsed(List<CycleRecord> cycles, boolean truncated) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private CycleLogReader() {
    }

    static Parsed parse(String fileName, FaultClass fault, String text) {
        String[] lines = text.split("\n", -1);
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        List<CycleRecord> cycles = new ArrayList<>();
        boolean truncated = false;
        for (int i = 0; i <= last; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            CycleRecord r;
            try {
                r = MAPPER.readValue(line, CycleRecord.class);
            } catch (JsonProcessingException e) {
                if (i == last) {
                    truncated = true;
                    break;
                }
                String why = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
                throw new InvalidInputException(fileName + ":" + (i + 1) + ": not a cycle record ("
                        + why.replace('\n', ' ') + ")");
            }
            if (r.fault() != null && !r.fault().equals(fault)) {
                throw new InvalidInputException(fileName + ":" + (i + 1) + ": record of fault '" + r.fault()
                        + "' in the file of '" + fault + "'");
            }
            cycles.add(r);
        }
        return new Parsed(Collections.unmodifiableList(cycles), truncated);
    }
}
