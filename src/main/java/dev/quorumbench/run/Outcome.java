package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonValue;

/** The final outcome of one write, after its retries. */
public enum Outcome {
    /** 201: the node acknowledged the write with a met quorum. */
    OK("ok"),
    /** 503 quorum_not_met: indeterminate, the write may exist and spread later. */
    QUORUM_NOT_MET("quorum_not_met"),
    /**
     * Anything else: refused, reset, timeout, garbage, other status. The records split it into definite failures
     * (no attempt can have taken effect) and indeterminate ones ({@code fail_definite} / {@code fail_indeterminate}).
     */
    FAIL("fail");

    private final String key;

    Outcome(String key) {
        this.key = key;
    }

    /** The name used in JSONL, phase4.json and .hlog tags. */
    @JsonValue
    public String key() {
        return key;
    }

    public static Outcome fromKey(String key) {
        for (Outcome o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + key + "' (ok, quorum_not_met, fail)");
    }
}
