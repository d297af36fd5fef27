package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.quorumbench.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fault classes of the Phase-4 campaign, in the source document's order; each one's key is the name used in
 * campaign.json, file names ({@code phase4-<key>.jsonl}), JMH's {@code fault} parameter and phase4.json.
 *
 * <p>Each class lists its built-in mechanism names, the default first; the mechanisms themselves live in
 * {@code fault/}, where a plug-in may register more for a class (see {@code fault/Mechanisms}).
 */
public enum FaultClass {
    /** SIGKILL of the primary mid-burst, then its restart on the same data. */
    KILL_PRIMARY_MID_WRITE("kill_primary_mid_write", List.of("sigkill", "sigkill-at-fanout", "sigkill-after-peer-ack")),
    /** Node-0 cut off from both peers, both directions, for the fault window. */
    PARTITION_MINORITY("partition_minority", List.of("proxy-blackhole", "iptables")),
    /** Node-1's acks delayed (paused) or really dropped for the fault window. */
    DROP_RANDOM_ACKS("drop_random_acks", List.of("sigstop", "proxy-drop-acks")),
    /** Node-1's wall clock skewed for the fault window. */
    CLOCK_SKEW_PEER("clock_skew_peer", List.of("libfaketime", "node-offset", "recorded-only"));

    private final String key;
    private final List<String> mechanisms;

    FaultClass(String key, List<String> mechanisms) {
        this.key = key;
        this.mechanisms = mechanisms;
    }

    /** The name in every file and on the command line, e.g. {@code kill_primary_mid_write}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The built-in mechanism names of this class, the default first; plug-ins registered in fault/ may add more. */
    public List<String> mechanisms() {
        return mechanisms;
    }

    public String defaultMechanism() {
        return mechanisms.get(0);
    }

    @Override
    public String toString() {
        return key;
    }

    /** The class named {@code key}; anything else is an input error listing the valid names. */
    @JsonCreator
    public static FaultClass fromKey(String key) {
        for (FaultClass f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new InvalidInputException("unknown fault '" + key + "' (valid: " + keys() + ")");
    }

    /** Every key, comma-separated, for messages and help. */
    public static String keys() {
        return Arrays.stream(values()).map(FaultClass::key).collect(Collectors.joining(", "));
    }
}
