package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import java.io.IOException;
import java.util.Optional;

/**
 * One way of injecting one fault class ({@code sigkill}, {@code iptables}): the registration point of a {@link Fault}
 * implementation. Built-in kinds are listed in {@link Mechanisms}; others register through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.quorumbench.fault.MechanismKind}).
 *
 * <p>{@link #resolve} and {@link #fallback} are pure decisions on what the host and the target offer, so which
 * mechanism runs and how real it is is known, and written to campaign.json, before any node starts. The rest is
 * asked only of a mechanism that can run here (real, cooperative or simulated); an unavailable one is bound by
 * {@link FaultCatalog} to a fault that refuses to inject.
 */
public interface MechanismKind {

    /** The name campaign.json and {@code --mechanism FAULT=NAME} use, e.g. {@code sigkill}. */
    String name();

    /** The fault class this mechanism injects. */
    FaultClass faultClass();

    /**
     * How real this mechanism is on a host with {@code facts} for a target offering {@code targetCapabilities}:
     * real, cooperative or simulated, or unavailable with the reason (pure).
     */
    Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities);

    /**
     * What runs instead when this mechanism is its class's default, was not asked for by name and is unavailable
     * here (pure): another mechanism of the same class, whose reason says why it stands in. Empty (the default):
     * nothing stands in, the class is unavailable.
     */
    default Optional<Mechanism> fallback(HostFacts facts, TargetCapabilities targetCapabilities) {
        return Optional.empty();
    }

    /** Extra environment, arguments and link proxies the cluster must be started with. */
    default NodeSetup nodeSetup(PlanContext context) {
        return NodeSetup.NONE;
    }

    /** Writes what the mechanism needs on the nodes' host before they start; planning itself touches no file. */
    default void prepare(PlanContext context) throws IOException {
    }

    /** The fault bound to a running cluster, reused for every cycle; {@code mechanism} is what resolve decided. */
    Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) throws FaultException;
}
