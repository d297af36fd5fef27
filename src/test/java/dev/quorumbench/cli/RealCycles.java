package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The check the campaign process tests share on a run directory's per-cycle JSONL: a fault class ran every cycle,
 * and every one of them for real (its fault event's status {@code real}, never simulated or unavailable).
 */
final class RealCycles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealCycles() {
    }

    /**
     * Asserts that {@code phase4-<fault>.jsonl} in {@code runDir} holds {@code cycles} cycles, each one real; prints
     * each cycle's fault detail and measurements (the process tests' logs are where a slow fault is diagnosed) and
     * returns the cycles for the caller's own checks.
     */
    static List<JsonNode> assertEveryCycleReal(Path runDir, String fault, int cycles) throws IOException {
        List<String> lines = Files.readAllLines(runDir.resolve("phase4-" + fault + ".jsonl"));
        assertEquals(cycles, lines.size(), fault);
        List<JsonNode> parsed = new ArrayList<>();
        for (String l : lines) {
            JsonNode c = JSON.readTree(l);
            JsonNode event = c.path("fault_event");
            System.out.println(fault + ": " + event.path("detail").asText() + " " + event.path("measurements"));
            assertEquals("real", event.path("status").asText(), fault + ": " + c);
            parsed.add(c);
        }
        return parsed;
    }
}
