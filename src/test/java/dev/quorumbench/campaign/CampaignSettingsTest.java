package dev.quorumbench.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Schedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    void defaultsAreTheSourceDocumentsCampaign() {
        CampaignSpec spec = new CampaignSettings().toSpec("x", "/tmp/x", 1);
        assertEquals(List.of(FaultClass.values()), spec.faults());
        assertEquals(200, spec.cycles());
        assertEquals(100, spec.writes());
        assertEquals(0.995, spec.thresholds().convergenceBound());
        assertEquals(20_000, spec.convergeDeadlineMs(), "10 x quorum timeout");
        assertEquals(Schedule.Mode.CLOSED_LOOP, spec.schedule());
    }

    @Test
    void optionsOverridePresetWhichOverridesDefaults() throws Exception {
        CampaignSpec spec = new CampaignSettings()
                .overlay(json("{'cycles': 3, 'writes': 20, 'thresholds': {'replica_convergence': 0.9}}"))
                .overlay(json("{'writes': 7, 'rate_per_s': 50, 'thresholds': {'convergence_bound': 0.9}}"))
                .toSpec("x", "/tmp/x", 1);
        assertEquals(3, spec.cycles());
        assertEquals(7, spec.writes());
        assertEquals(0.9, spec.thresholds().convergenceBound());
        assertEquals(0.9, spec.thresholds().replicaConvergence());
        assertEquals(0, spec.thresholds().lostAcknowledged());
        assertEquals(Schedule.Mode.OPEN_LOOP, spec.schedule());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "{'faults': ['nope']};                unknown fault 'nope' (valid: kill_primary_mid_write, partition_minority, drop_random_acks, clock_skew_peer)",
            "{'faults': []};                      at least one fault class",
            "{'cycles': 0};                       --cycles and --writes must be",
            "{'rate_per_s': -1};                  --rate must be a positive",
            "{'drop_share': 2};                   drop share must be within",
            "{'mechanism_overrides': {'kill': 'x'}}; unknown fault 'kill' (valid: kill_primary_mid_write, partition_minority, drop_random_acks, clock_skew_peer)",
            "{'cycles': 'many'};                  campaign settings: cycles: Cannot coerce String value (\"many\") to `int` value",
            "{'cycles': '5'};                     campaign settings: cycles: Cannot coerce String value (\"5\") to `int` value",
            "{'cycles': 1.5};                     campaign settings: cycles: Cannot coerce Floating-point value (1.5) to `int` value",
    })
    void rejectsBadSettingsWithOneLine(String layer, String message) throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new CampaignSettings().overlay(json(layer)).toSpec("x", "/tmp/x", 1));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void mechanismOverridesAreKeyedByFaultClass() throws Exception {
        CampaignSpec spec = new CampaignSettings()
                .overlay(json("{'faults': ['partition_minority'], 'mechanism_overrides': {'partition_minority': 'iptables'}}"))
                .toSpec("x", "/tmp/x", 1);
        assertEquals(Map.of(FaultClass.PARTITION_MINORITY, "iptables"), spec.mechanismOverrides());
        assertEquals(List.of(FaultClass.PARTITION_MINORITY), spec.faults());
    }

    @Test
    void bundledPresetsLoad() {
        CampaignSpec smoke = new CampaignSettings().overlay(Presets.load("smoke")).toSpec("x", "/tmp/x", 1);
        assertEquals(3, smoke.cycles());
        assertEquals(20, smoke.writes());
        CampaignSpec full = new CampaignSettings().overlay(Presets.load("phase4")).toSpec("x", "/tmp/x", 1);
        assertEquals(List.of(200, 100), List.of(full.cycles(), full.writes()));
    }
}
