package dev.quorumbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One campaign run through {@code Main.run} for the campaign tests (a real JMH fork per fault class), with what it
 * printed and accessors for the files it wrote.
 */
record CampaignRun(int exit, String out, String err, Path dir) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code java -jar benchmarks.jar --campaign-id id --runs-dir runs args…} in this JVM and echoes its output. */
    static CampaignRun run(Path runs, String id, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--campaign-id", id, "--runs-dir", runs.toString()));
        all.addAll(List.of(args));
        int exit = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        CampaignRun r = new CampaignRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                runs.resolve(id));
        System.out.println("---- " + id + " exit " + exit + "\n" + r.out + r.err);
        return r;
    }

    JsonNode phase4() throws IOException {
        return JSON.readTree(dir.resolve("phase4.json").toFile());
    }

    /** {@code phase4.json}'s {@code faults.<fault>}. */
    JsonNode fault(String fault) throws IOException {
        return phase4().path("faults").path(fault);
    }

    /** Every line of {@code phase4-<fault>.jsonl}, parsed. */
    List<JsonNode> cycles(String fault) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("phase4-" + fault + ".jsonl"))) {
            lines.add(JSON.readTree(l));
        }
        return lines;
    }
}
