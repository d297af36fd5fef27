package dev.quorumbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** campaign.json has one Java type: what the campaign writes reads back equal, and anything else is refused. */
class CampaignJsonTest {

    /** The committed baseline run's file, written by the campaign before this type existed. */
    private static final Path BASELINE = Path.of("runs", "baseline-phase4", RunFiles.CAMPAIGN_JSON);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CampaignSpec plan(String runDir, List<FaultClass> faults, Double rate,
                                     Map<FaultClass, String> overrides) {
        return new CampaignSpec("c-1", runDir, faults, 3, 20, 1, null, rate, Thresholds.DEFAULT, "reference",
                List.of("--extra-latency-ms", "5"), overrides, 2, 2000, 500, 60_000, 0.5, 3, 10_000, 20_000, 7L,
                1_795_817_700_000L, "2026-11-27T22:15:00Z", null, null, null, null, null);
    }

    static Stream<Arguments> specs() {
        Map<FaultClass, Mechanism> resolved = new LinkedHashMap<>();
        resolved.put(FaultClass.PARTITION_MINORITY, new Mechanism("iptables", MechanismStatus.UNAVAILABLE, "not root"));
        resolved.put(FaultClass.KILL_PRIMARY_MID_WRITE, new Mechanism("sigkill", MechanismStatus.REAL, null));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("harness_version", "dev");
        env.put("git_commit", null);
        env.put("cores", 2);
        List<FaultClass> two = List.of(FaultClass.PARTITION_MINORITY, FaultClass.KILL_PRIMARY_MID_WRITE);
        return Stream.of(
                Arguments.of("closed loop, as planned", plan("/r", List.of(FaultClass.values()), null, Map.of())),
                Arguments.of("open loop with a rate", plan("/r", List.of(FaultClass.CLOCK_SKEW_PEER), 250.0, Map.of())),
                Arguments.of("overrides, mechanisms, environment", plan("/r", two, null,
                        Map.of(FaultClass.PARTITION_MINORITY, "iptables")).withResolution(resolved, env)),
                Arguments.of("finished", plan("/r", two, null, Map.of()).withResolution(resolved, env)
                        .withFinishedAt(1_795_818_540_000L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void whatIsWrittenReadsBackEqual(String name, CampaignSpec spec) throws Exception {
        CampaignSpec inDir = plan(dir.toString(), spec.faults(), spec.ratePerS(), spec.mechanismOverrides())
                .withResolution(spec.mechanisms(), spec.environment());
        inDir = spec.finishedAt() == null ? inDir : inDir.withFinishedAt(1_795_818_540_000L);

        Path file = CampaignJson.write(inDir);

        assertEquals(RunFiles.campaignJson(dir), file);
        CampaignSpec back = CampaignJson.read(file);
        assertEquals(inDir, back);
        assertEquals(List.copyOf(inDir.mechanisms().keySet()), List.copyOf(back.mechanisms().keySet()),
                "campaign order kept");
        assertEquals(CampaignJson.text(inDir), Files.readString(file));
    }

    @Test
    void theCommittedBaselineReadsAndWritesBackByteForByte() throws Exception {
        String text = Files.readString(BASELINE);

        CampaignSpec spec = CampaignJson.read(BASELINE);

        assertEquals("baseline-phase4", spec.campaignId());
        assertEquals(List.of(FaultClass.values()), spec.faults());
        assertEquals(Schedule.of(null), spec.schedulePlan());
        assertEquals(Thresholds.DEFAULT, spec.thresholds());
        assertEquals(new Mechanism("proxy-blackhole", MechanismStatus.REAL, null),
                spec.mechanisms().get(FaultClass.PARTITION_MINORITY));
        assertEquals("2026-11-28T00:34:53.606Z", spec.finishedAt());
        assertEquals(text, CampaignJson.text(spec));
    }

    /** Table: planned classes, declared not applicable → run, recorded not applicable (keys, in class order). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "kill_primary_mid_write clock_skew_peer | clock_skew_peer        | kill_primary_mid_write | clock_skew_peer",
            "kill_primary_mid_write                 | clock_skew_peer        | kill_primary_mid_write | ''",
            "clock_skew_peer partition_minority     | clock_skew_peer partition_minority | ERROR | ''",
            "partition_minority kill_primary_mid_write | ''                 | partition_minority kill_primary_mid_write | ''",
    })
    void classesNotApplicableAreRecordedNotRun(String planned, String declared, String run, String recorded)
            throws Exception {
        Map<FaultClass, String> why = new LinkedHashMap<>();
        for (String f : declared.isBlank() ? new String[0] : declared.trim().split(" ")) {
            why.put(FaultClass.fromKey(f), "cannot " + f);
        }
        CampaignSpec spec = plan(dir.toString(), java.util.Arrays.stream(planned.trim().split(" "))
                .map(FaultClass::fromKey).toList(), null, Map.of());
        if (run.equals("ERROR")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> spec.withoutNotApplicable(why));
            assertTrue(e.getMessage().contains("nothing to run"), e.getMessage());
            return;
        }
        CampaignSpec done = spec.withoutNotApplicable(why);
        assertEquals(run.trim(), String.join(" ", done.faults().stream().map(FaultClass::key).toList()));
        assertEquals(recorded.trim(), String.join(" ", done.notApplicable().keySet().stream().map(FaultClass::key).toList()));
        CampaignJson.write(done);
        String text = Files.readString(RunFiles.campaignJson(dir));
        assertEquals(!recorded.isBlank(), text.contains("\"not_applicable\""), "absent when empty: " + text);
        assertEquals(done, CampaignJson.read(RunFiles.campaignJson(dir)));
    }

    @Test
    void faultClassesAreWrittenByKeyAsListItemsAndMapKeys() throws Exception {
        CampaignSpec spec = plan("/r", List.of(FaultClass.DROP_RANDOM_ACKS), null,
                Map.of(FaultClass.DROP_RANDOM_ACKS, "proxy-drop-acks"));

        ObjectNode tree = (ObjectNode) JSON.readTree(CampaignJson.text(spec));

        assertEquals("drop_random_acks", tree.get("faults").get(0).asText());
        assertEquals("proxy-drop-acks", tree.get("mechanism_overrides").get("drop_random_acks").asText());
        assertEquals("closed-loop", tree.get("schedule").asText());
        assertNull(tree.get("finished_at").textValue());
    }

    /** Each row edits the baseline file: a JSON pointer to the parent, the key, and its new value (- removes it). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown top-level field   | ''                   | seeds              | 1                | campaign.json: unknown field 'seeds'
        unknown nested field      | /thresholds          | lost_acked         | 0                | campaign.json: unknown field 'thresholds.lost_acked'
        unknown mechanism field   | /mechanisms/clock_skew_peer | why         | "x"              | campaign.json: unknown field 'mechanisms.clock_skew_peer.why'
        bad fault name            | /faults              | 1                  | "partition"      | campaign.json: faults[1]: unknown fault 'partition' (valid: kill_primary_mid_write, partition_minority, drop_random_acks, clock_skew_peer)
        bad mechanisms key        | /mechanisms          | kill_primary       | {"name": "x", "status": "real", "reason": null} | campaign.json: mechanisms: unknown fault 'kill_primary' (valid: kill_primary_mid_write, partition_minority, drop_random_acks, clock_skew_peer)
        bad override key          | /mechanism_overrides | partition_majority | "iptables"       | campaign.json: mechanism_overrides: unknown fault 'partition_majority' (valid: kill_primary_mid_write, partition_minority, drop_random_acks, clock_skew_peer)
        bad schedule              | ''                   | schedule           | "fixed-rate"     | campaign.json: schedule: unknown schedule 'fixed-rate' (closed-loop, open-loop)
        bad mechanism status      | /mechanisms/clock_skew_peer | status      | "faked"          | campaign.json: mechanisms.clock_skew_peer.status: Cannot deserialize value of type `dev.quorumbench.run.MechanismStatus` from String "faked": not one of the values accepted for Enum class: [unavailable, cooperative, real, simulated]
        missing field             | ''                   | cycles             | -                | campaign.json: missing field 'cycles'
        missing id                | ''                   | campaign_id        | -                | campaign.json: missing field 'campaign_id'
        broken rule               | ''                   | writes             | 0                | campaign.json: --cycles and --writes must be ≥ 1 (got cycles=200, writes=0)
        no faults                 | ''                   | faults             | []               | campaign.json: at least one fault class is needed
        """)
    void anythingElseIsAOneLineErrorNamingFileAndField(String name, String parent, String key, String value,
                                                       String expected) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(BASELINE.toFile());
        var node = root.at(parent);
        if (node.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(Integer.parseInt(key), JSON.readTree(value));
        } else if (value.equals("-")) {
            ((ObjectNode) node).remove(key);
        } else {
            ((ObjectNode) node).set(key, JSON.readTree(value));
        }
        Path file = Files.writeString(dir.resolve(RunFiles.CAMPAIGN_JSON), root.toPrettyString());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CampaignJson.read(file));

        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        cut off       | {"campaign_id":        | campaign.json: not valid JSON (line 1)
        not an object | [1, 2]                 | campaign.json: not a JSON object
        """)
    void unreadableTextIsAnInputError(String name, String text, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CampaignJson.parse(RunFiles.CAMPAIGN_JSON, text));
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    /**
     * A campaign.json from before a key existed (the first landing wrote no seed, fire_after_write, drop_share,
     * converge_deadline_ms, mechanisms or environment; thresholds without replica_convergence) reads with the
     * documented defaults, so older runs still analyse and compare.
     */
    @Test
    void anOlderFileWithoutLaterKeysReadsWithTheDefaults() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(BASELINE.toFile());
        for (String key : List.of("seed", "fire_after_write", "drop_share", "converge_deadline_ms", "warmup_cycles",
                "mechanisms", "environment", "started_at_ms", "started_at", "run_dir", "mechanism_overrides")) {
            root.remove(key);
        }
        ((ObjectNode) root.get("thresholds")).remove("replica_convergence");
        CampaignSpec spec = CampaignJson.parse(RunFiles.CAMPAIGN_JSON, root.toString());
        assertEquals("baseline-phase4", spec.campaignId());
        assertEquals(20260401, spec.seed());
        assertEquals(3, spec.fireAfterWrite());
        assertEquals(20_000, spec.convergeDeadlineMs(), "10 x the file's quorum timeout");
        assertEquals(Thresholds.DEFAULT.replicaConvergence(), spec.thresholds().replicaConvergence());
        assertEquals(0.995, spec.thresholds().convergenceBound());
        assertEquals(Map.of(), spec.mechanisms());
    }

    /** Seals an interleaved arm's campaign.json: the ordinary keys, then where the arm sits ({@code interleaving}). */
    @Test
    void anArmsCampaignJsonIsSealed() throws Exception {
        CampaignSpec arm = plan("/runs/pr-1/head", List.of(FaultClass.PARTITION_MINORITY, FaultClass.DROP_RANDOM_ACKS),
                null, Map.of()).asArm("pr-1-head", "/runs/pr-1/head", new Interleaving("head", 2, "../base"));
        String text = CampaignJson.text(arm);
        Path golden = Path.of("src", "test", "resources", "golden", "campaign-arm.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, text);
        }
        assertEquals(Files.readString(golden), text,
                "differs from " + golden + " (rerun with -Dgolden.update=true if the change is intended)");
        assertEquals(arm, CampaignJson.parse("campaign.json", text), "read back as written");
        assertEquals(1, CampaignJson.parse("campaign.json", text).interleaving().block(3), "cycles 3 and 4 are the arm's second block");
        assertFalse(CampaignJson.text(plan("/r", List.of(FaultClass.PARTITION_MINORITY), null, Map.of()))
                .contains("interleaving"), "an ordinary run's file has no interleaving key");
    }
}
