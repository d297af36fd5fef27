package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interleaved A/B mode end to end on the reference cluster: a head arm slowed by 20 ms a write is caught
 * (exit 3) in a campaign of ten cycles of 20 writes an arm, and an A/A campaign of the same size is not a regression. Each arm
 * is a complete run directory, and the arms' cycles ran in ABBA order.
 */
@Tag("process")
class InterleavedCampaignProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TINY = {"--faults", "drop_random_acks", "--cycles", "10", "--writes", "20",
            "--warmup-cycles", "1", "--ab-block", "1"};

    @TempDir
    Path runs;

    @Test
    @Timeout(420)
    void aSlowerHeadIsCaughtAndAnAaCampaignIsNot() throws Exception {
        Path junit = runs.resolve("junit-ab.xml");
        CampaignRun ab = CampaignRun.run(runs, "ab", args("--ab-head-node-args", "--extra-latency-ms 20",
                "--junit", junit.toString()));
        assertEquals(ExitCode.REGRESSION, ab.exit(), ab.err());
        // The CI file fails the comparison's case of the class, and holds both arms' cases.
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testcase name=\"compare.drop_random_acks\" classname=\"quorumbench.campaign\">\n"
                + "      <failure message=\"regressed: drop_random_acks, latency p50: "), xml);
        assertTrue(xml.contains("name=\"base.drop_random_acks\"") && xml.contains("name=\"head.drop_random_acks\""), xml);
        assertTrue(ab.err().contains("(arms together)") || ab.out().contains("(arms together)")
                || !ab.err().contains("progress:"), "progress counts both arms: " + ab.err());
        for (String arm : List.of("base", "head")) {
            Path dir = ab.dir().resolve(arm);
            JsonNode campaign = JSON.readTree(dir.resolve("campaign.json").toFile());
            assertEquals(arm, campaign.path("interleaving").path("arm").asText());
            assertEquals(1, campaign.path("interleaving").path("block_cycles").asInt());
            JsonNode phase4 = JSON.readTree(dir.resolve("phase4.json").toFile());
            assertTrue(phase4.path("complete").asBoolean(), arm + " arm is a complete run: " + phase4);
            assertEquals(10, lines(dir.resolve("phase4-drop_random_acks.jsonl")).size());
            assertTrue(Files.isRegularFile(dir.resolve("latency-drop_random_acks.hlog")));
            assertTrue(Files.isRegularFile(dir.resolve("report.md")));
            assertEquals(10, JSON.readTree(dir.resolve("jmh-result.json").toFile()).get(0)
                    .path("secondaryMetrics").path("ok").path("rawData").get(0).size(), "the arm's share of JMH's result");
        }
        assertEquals(List.of("--extra-latency-ms", "20"), List.of(JSON.readTree(ab.dir().resolve("head/campaign.json")
                .toFile()).path("node_args").get(0).asText(), JSON.readTree(ab.dir().resolve("head/campaign.json")
                .toFile()).path("node_args").get(1).asText()));
        // A B B A A B B A: base's first cycle, head's first two, base's second and third, …
        List<Long> base = starts(ab.dir().resolve("base/phase4-drop_random_acks.jsonl"));
        List<Long> head = starts(ab.dir().resolve("head/phase4-drop_random_acks.jsonl"));
        assertTrue(base.get(0) < head.get(0) && head.get(1) < base.get(1) && base.get(2) < head.get(2)
                && head.get(3) < base.get(3), "ABBA order: base " + base + ", head " + head);
        String compare = Files.readString(ab.dir().resolve("compare.md"));
        assertTrue(compare.contains("node_args"), "the arms' difference is in the headline:\n" + compare);
        assertTrue(compare.contains("extra-latency-ms"), "the unsafe head is shown:\n" + compare);
        assertTrue(Files.isRegularFile(ab.dir().resolve("compare.json")));
        assertTrue(ab.out().contains("regression"), ab.out());

        CampaignRun aa = CampaignRun.run(runs, "aa", args());
        assertNotEquals(ExitCode.REGRESSION, aa.exit(), aa.out());
        assertNotEquals(ExitCode.HARNESS, aa.exit(), aa.err());
        assertEquals(ExitCode.OK, aa.exit(), "A/A, every class within bounds, lenient gate: " + aa.out());
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of(TINY));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    }

    private static List<Long> starts(Path jsonl) throws Exception {
        List<Long> starts = new ArrayList<>();
        for (String l : lines(jsonl)) {
            starts.add(JSON.readTree(l).path("cycle_start_ms").asLong());
        }
        return starts;
    }
}
