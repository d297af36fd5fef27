package dev.quorumbench.analysis.compare;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a comparison concluded about one metric of one fault class. */
public enum Verdict {
    /** The change is at least the minimum effect, in the good direction, and significant. */
    IMPROVED("improved"),
    /** The change is below the minimum effect (whatever the test says). */
    UNCHANGED("unchanged"),
    /** The change is at least the minimum effect, in the bad direction, and significant (or a newly lost write). */
    REGRESSED("regressed"),
    /** The change is at least the minimum effect but not significant, or there are too few cycles to tell. */
    INCONCLUSIVE("inconclusive");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    /** The word printed in Markdown and JSON. */
    @JsonValue
    public String word() {
        return word;
    }
}
