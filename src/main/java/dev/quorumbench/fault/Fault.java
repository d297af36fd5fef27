package dev.quorumbench.fault;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;

/**
 * One fault class bound to a running cluster: injected mid-burst by the fault thread and always healed.
 *
 * <p>{@link #inject()} must verify that the fault took effect (the process is gone, the link is cut, the
 * clock reads skewed) and throw {@link FaultException} when it did not. {@link #heal()} is called in
 * {@code finally}, also after a failed inject, and must be idempotent. Every wait inside both is bounded.
 */
public interface Fault {

    /** The fault class this fault injects. */
    FaultClass faultClass();

    /** The mechanism this instance uses and how real it is on this machine. */
    Mechanism mechanism();

    /** Starts the fault and verifies it took effect. */
    void inject() throws FaultException;

    /**
     * Ends the fault (SIGCONT, reconnect links, restore the clock, restart the killed node) and returns what
     * was measured while healing, e.g. {@code recovery_ms}; never null.
     */
    java.util.Map<String, Long> heal() throws FaultException;

    /** How long the fault stays in place between inject and heal (500 ms for partitions and pauses, 0 for kill). */
    long windowMs();
}
