package dev.quorumbench.analysis;

/**
 * How writes were issued: closed loop (sequential, each write waits for the previous one; latency then hides
 * coordinated omission) or open loop at a fixed rate (latency measured from each write's intended start).
 *
 * @param mode     {@code closed-loop} or {@code open-loop}
 * @param ratePerS writes per second in open loop, null in closed loop
 */
public record Schedule(String mode, Double ratePerS) {

    public boolean openLoop() {
        return "open-loop".equals(mode);
    }
}
