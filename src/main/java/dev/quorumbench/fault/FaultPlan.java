package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;

/**
 * A fault class with its mechanism resolved for this machine: what the cluster needs at start, and the
 * {@link Fault} to use once it runs.
 */
public interface FaultPlan {

    /** The fault class this plan injects. */
    FaultClass fault();

    /** The mechanism and how real it is here (real, cooperative, simulated or unavailable, with the reason). */
    Mechanism mechanism();

    /** Extra environment, arguments and link proxies the cluster must be started with. */
    NodeSetup nodeSetup();

    /**
     * Writes what the mechanism needs on disk before the nodes start (libfaketime's timestamp file). Kept apart
     * from planning so resolving a mechanism up front, before a run directory exists, touches no file.
     */
    void prepare() throws java.io.IOException;

    /**
     * The fault bound to a running cluster; reuse it for every cycle. An unavailable mechanism binds to a
     * fault whose inject fails with the reason, so nothing is ever reported as injected that was not.
     */
    Fault bind(Cluster cluster) throws FaultException;
}
