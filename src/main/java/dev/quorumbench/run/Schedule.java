package dev.quorumbench.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.quorumbench.InvalidInputException;

/**
 * How writes are issued: closed loop (sequential, each write waits for the previous one; latency then hides
 * coordinated omission) or open loop at a fixed rate (latency measured from each write's intended start).
 *
 * @param mode     closed or open loop
 * @param ratePerS writes per second in open loop, null in closed loop
 */
public record Schedule(Mode mode, Double ratePerS) {

    /** The two ways of issuing writes, with the name campaign.json, the JSONL lines and phase4.json use. */
    public enum Mode {
        CLOSED_LOOP("closed-loop"),
        OPEN_LOOP("open-loop");

        private final String key;

        Mode(String key) {
            this.key = key;
        }

        @JsonValue
        public String key() {
            return key;
        }

        @Override
        public String toString() {
            return key;
        }

        /** The mode named {@code key}; anything else is an input error. */
        @JsonCreator
        public static Mode fromKey(String key) {
            for (Mode m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            throw new InvalidInputException("unknown schedule '" + key + "' (closed-loop, open-loop)");
        }
    }

    /** Open loop at {@code ratePerS} writes per second, or closed loop when it is null. */
    public static Schedule of(Double ratePerS) {
        return new Schedule(ratePerS == null ? Mode.CLOSED_LOOP : Mode.OPEN_LOOP, ratePerS);
    }

    public boolean openLoop() {
        return mode == Mode.OPEN_LOOP;
    }
}
