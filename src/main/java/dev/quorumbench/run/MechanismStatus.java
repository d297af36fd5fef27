package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonValue;

/** How truthfully a fault mechanism injected its fault. */
public enum MechanismStatus {
    /** The fault happened to the node from outside, as it would in production (signal, dropped bytes, faked clock). */
    REAL("real"),
    /** The node took part in its own fault (for example it offset its own clock on request). */
    COOPERATIVE("cooperative"),
    /** Only the intent was recorded; nothing happened to the cluster. */
    SIMULATED("simulated"),
    /** The mechanism could not run here (missing root, library or capability). */
    UNAVAILABLE("unavailable");

    private final String key;

    MechanismStatus(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    /** True when the fault really affected the cluster, so the class may pass. */
    public boolean injected() {
        return this == REAL || this == COOPERATIVE;
    }
}
