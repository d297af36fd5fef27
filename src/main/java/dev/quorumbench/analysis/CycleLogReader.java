package dev.quorumbench.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parses the text of a {@code phase4-<fault>.jsonl}. A last line that does not parse was cut off by an
 * interrupted run and is reported, not fatal; a bad line anywhere else is an input error naming file:line, and so
 * is a line whose counts contradict each other or a cycle number out of sequence (repeated or missing).
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
        try {
            return parse(fileName, fault, new BufferedReader(new StringReader(text)), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
    }

    /**
     * Streams the lines of {@code in}: only the records are kept, never the file's text, and a line longer than
     * {@code maxLineChars} is refused before it is parsed.
     */
    static Parsed parse(String fileName, FaultClass fault, BufferedReader in, long maxLineChars) throws IOException {
        List<CycleRecord> cycles = new ArrayList<>();
        // A line that does not parse is only forgiven if nothing but blank lines follows it (the cut last line).
        InvalidInputException pending = null;
        int lineNr = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNr++;
            if (line.isBlank()) {
                continue;
            }
            if (pending != null) {
                throw pending;
            }
            if (line.length() > maxLineChars) {
                throw new InvalidInputException(fileName + ":" + lineNr + ": line of " + line.length()
                        + " characters, longer than any cycle record of this campaign (" + maxLineChars + ")");
            }
            CycleRecord r;
            try {
                r = MAPPER.readValue(line, CycleRecord.class);
            } catch (JsonProcessingException e) {
                String why = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
                pending = new InvalidInputException(fileName + ":" + lineNr + ": not a cycle record ("
                        + why.replace('\n', ' ') + ")");
                continue;
            }
            int i = lineNr - 1;
            if (r.fault() != null && !r.fault().equals(fault)) {
                throw new InvalidInputException(fileName + ":" + (i + 1) + ": record of fault '" + r.fault()
                        + "' in the file of '" + fault + "'");
            }
            checkConsistent(fileName + ":" + (i + 1), r);
            if (r.cycle() != cycles.size() + 1) {
                // The harness appends cycles 1..N in order, once each: anything else was edited or mixed up.
                throw new InvalidInputException(fileName + ":" + (i + 1) + ": cycle " + r.cycle()
                        + (seen(cycles, r.cycle()) ? " appears twice" : " where cycle " + (cycles.size() + 1)
                        + " was expected") + " (a run records cycles 1..N in order, once each)");
            }
            cycles.add(r);
        }
        boolean truncated = pending != null;
        return new Parsed(Collections.unmodifiableList(cycles), truncated);
    }

    private static boolean seen(List<CycleRecord> cycles, int cycle) {
        return cycle >= 1 && cycle <= cycles.size();
    }

    /**
     * Counts a line states twice must agree: the number of lost writes is recomputed from the ids listed as lost,
     * so a line cannot pass with {@code lost_acknowledged: 0} beside two lost ids.
     */
    private static void checkConsistent(String where, CycleRecord r) {
        if (r.lostIds() != null && r.lostIds().size() != r.lostAcknowledged()) {
            throw new InvalidInputException(where + ": lost_acknowledged " + r.lostAcknowledged() + " but "
                    + r.lostIds().size() + " lost_ids");
        }
        if (r.lostIds() != null && r.lostIds().size() != new java.util.HashSet<>(r.lostIds()).size()) {
            throw new InvalidInputException(where + ": lost_ids names an id twice");
        }
        if (r.ok() < 0 || r.quorumNotMet() < 0 || r.fail() < 0 || r.writes() < 0 || r.lostAcknowledged() < 0
                || r.duplicates() < 0 || (r.foreign() != null && r.foreign() < 0)) {
            throw new InvalidInputException(where + ": a count is negative");
        }
        if (r.lostAcknowledged() > r.ok()) {
            throw new InvalidInputException(where + ": lost_acknowledged " + r.lostAcknowledged() + " > ok " + r.ok());
        }
    }
}
