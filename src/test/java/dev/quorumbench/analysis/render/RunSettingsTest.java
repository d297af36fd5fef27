package dev.quorumbench.analysis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.run.CampaignDefaults;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which settings of a run the release notes put first: unsafe ones, and every one that is not the default. */
class RunSettingsTest {

    /** A spec from the documented defaults with {@code overrides} (campaign.json keys) laid over them. */
    private static CampaignSpec spec(String overridesJson) throws Exception {
        var s = CampaignDefaults.settings();
        var o = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(overridesJson);
        s.setAll(o);
        s.put("campaign_id", "x");
        s.put("run_dir", "/tmp/x");
        s.put("started_at_ms", 1L);
        s.put("converge_deadline_ms", o.has("converge_deadline_ms") ? o.get("converge_deadline_ms").asLong()
                : CampaignDefaults.convergeDeadlineMs(s.path("quorum_timeout_ms").asLong()));
        return CampaignJson.fromSettings(s);
    }

    @Test
    void theDefaultsHaveNothingToSay() throws Exception {
        CampaignSpec d = spec("{}");

        assertEquals(List.of(), RunSettings.nonDefault(d));
        assertEquals(List.of(), RunSettings.unsafe(d));
    }

    @Test
    void everySettingThatDiffersIsNamedWithItsDefault() throws Exception {
        CampaignSpec s = spec("""
                {"faults": ["partition_minority"], "cycles": 20, "fault_window_ms": 100, "skew_ms": 60000,
                 "thresholds": {"convergence_bound": 0.9, "replica_convergence": 0.99, "lost_acknowledged": 0}, "node_args": ["--extra-latency-ms", "3"],
                 "mechanism_overrides": {"drop_random_acks": "proxy-drop-acks"}, "schedule": "open-loop",
                 "rate_per_s": 50, "converge_deadline_ms": 5000}""");

        assertEquals(List.of(
                "faults partition_minority (default kill_primary_mid_write,partition_minority,drop_random_acks,"
                        + "clock_skew_peer)",
                "cycles 20 (default 200)",
                "fault_window_ms 100 (default 500)",
                "convergence_bound 0.9 (default 0.995)",
                "node_args `--extra-latency-ms 3` (default none)",
                "mechanism drop_random_acks=proxy-drop-acks (default sigstop)",
                "open loop at 50.0 writes/s (default closed loop)",
                "converge_deadline_ms 5000 (default 10 × quorum_timeout_ms)"), RunSettings.nonDefault(s));
    }

    @Test
    void unsafeNodeFlagsAndFaultsNotReallyInjectedAreUnsafe() throws Exception {
        CampaignSpec s = spec("{\"node_args\": [\"--fanout\", \"quorum\", \"--unsafe-no-sync\"]}")
                .withResolution(Map.of(FaultClass.CLOCK_SKEW_PEER,
                        new Mechanism("recorded-only", MechanismStatus.SIMULATED, "libfaketime missing"),
                        FaultClass.PARTITION_MINORITY, new Mechanism("proxy-blackhole", MechanismStatus.REAL, null)),
                        Map.of("read_back", "node-local"));

        assertEquals(List.of(
                "node flag `--unsafe-no-sync`: the nodes were altered on purpose, so these results do"
                        + " not describe a safe deployment",
                "clock_skew_peer: mechanism `recorded-only` is simulated, the fault was not really injected"),
                RunSettings.unsafe(s));
    }
}
