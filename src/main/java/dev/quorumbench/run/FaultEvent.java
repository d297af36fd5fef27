package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One firing of a fault in one cycle: what ran, how real it was, and when (epoch milliseconds).
 *
 * @param mechanism    the mechanism's name, for example {@code sigkill} or {@code proxy-blackhole}
 * @param status       real, cooperative, simulated or unavailable
 * @param startMs      wall-clock time the fault took effect (0 if it never did)
 * @param endMs        wall-clock time it was healed (0 if it never took effect)
 * @param detail       a short human sentence, for example "SIGKILL pid 4242 (node-0)"
 * @param measurements numbers the mechanism measured: recovery_ms, measured_skew_ms, dropped_responses…, and
 *                     {@value #HEAL_FAILED} = 1 when heal failed (the cluster may not be back to normal)
 * @param window       the attested window (apply start, confirmed on the host, healed, first probe after heal
 *                     succeeded); absent on lines written before it was recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultEvent(
        @JsonProperty("mechanism") String mechanism,
        @JsonProperty("status") MechanismStatus status,
        @JsonProperty("start_ms") long startMs,
        @JsonProperty("end_ms") long endMs,
        @JsonProperty("detail") String detail,
        @JsonProperty("measurements") Map<String, Long> measurements,
        @JsonProperty("window") FaultWindow window) {

    /** An event without an attested window (a fault that never ran; lines written before windows were recorded). */
    public FaultEvent(String mechanism, MechanismStatus status, long startMs, long endMs, String detail,
                      Map<String, Long> measurements) {
        this(mechanism, status, startMs, endMs, detail, measurements, null);
    }

    /** Measurement key present (value 1) when the fault could not be healed; analysis fails the cycle's class. */
    public static final String HEAL_FAILED = "heal_failed";
}
