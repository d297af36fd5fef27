package dev.quorumbench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The documented campaign defaults (README "Options"), as campaign.json keys: the bottom layer of the settings a
 * run starts from, and what a campaign.json written before a key existed is read with.
 */
public final class CampaignDefaults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CampaignDefaults() {
    }

    /** A fresh copy of the defaults: the source document's campaign on the embedded reference cluster. */
    public static ObjectNode settings() {
        ObjectNode d = JSON.createObjectNode();
        d.set("faults", JSON.valueToTree(List.of(FaultClass.values())));
        d.put("cycles", 200);
        d.put("writes", 100);
        d.put("warmup_cycles", 1);
        d.put("target", "reference");
        d.put("quorum_writes", 2);
        d.put("quorum_timeout_ms", 2000);
        d.put("fault_window_ms", 500);
        d.put("skew_ms", 60_000);
        d.put("drop_share", 0.5);
        d.put("fire_after_write", 3);
        d.put("write_deadline_ms", 10_000);
        d.put("seed", 20260401);
        d.set("thresholds", JSON.valueToTree(Thresholds.DEFAULT));
        return d;
    }

    /** The read-back deadline when none is given: 10 × the quorum timeout (DESIGN.md). */
    public static long convergeDeadlineMs(long quorumTimeoutMs) {
        return 10 * quorumTimeoutMs;
    }
}
