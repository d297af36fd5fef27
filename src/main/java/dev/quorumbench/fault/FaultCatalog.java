package dev.quorumbench.fault;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import dev.quorumbench.store.StoreProtocol;
import java.io.IOException;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The plan for one fault class on a host: checks the mechanism asked for, resolves how real it is there (with its
 * class's fallback when the default cannot run), and plans it through its {@link MechanismKind}.
 */
public final class FaultCatalog {

    private FaultCatalog() {
    }

    /**
     * The plan for {@code fault} with {@code mechanismOrNull} (null: the default, with its class's fallback, e.g.
     * the clock's to {@code node-offset} or {@code recorded-only} when libfaketime is missing), resolved for the
     * nodes' {@code host} (its facts decide which mechanisms are real, and files the mechanism needs before the
     * nodes start are written there), with the campaign's store protocol, through which the clock faults read node
     * clocks and set the cooperative offset.
     *
     * @throws InvalidInputException for a mechanism the class does not have; the message lists the valid ones
     */
    public static FaultPlan plan(FaultClass fault, String mechanismOrNull, FaultOptions options, Host host,
                                 StoreProtocol store) {
        return plan(fault, mechanismOrNull, options, host, i -> host, store);
    }

    /**
     * As {@link #plan(FaultClass, String, FaultOptions, Host, StoreProtocol)} for nodes on hosts of their own:
     * {@code nodeHosts} gives node i's host, where a mechanism acting on node i writes its files (the clock's
     * timestamp file on node-1's host). Mechanisms are resolved with node-0's host's facts.
     */
    public static FaultPlan plan(FaultClass fault, String mechanismOrNull, FaultOptions options, Host host,
                                 IntFunction<Host> nodeHosts, StoreProtocol store) {
        Map<String, MechanismKind> kinds = Mechanisms.of(fault);
        validate(fault, mechanismOrNull, kinds);
        HostFacts facts = host.facts();
        Mechanism m = resolve(fault, mechanismOrNull, facts, options.targetCapabilities(), kinds);
        if (m.status() == MechanismStatus.UNAVAILABLE) {
            // Nothing of the mechanism is set up: the cluster starts plain and every inject fails with the reason.
            return new Plan(fault, m, NodeSetup.NONE, () -> { },
                    c -> new UnavailableFault(fault, m, options.windowMs()));
        }
        MechanismKind kind = kind(fault, m.name(), kinds);
        PlanContext context = new PlanContext(options, host, facts, store, nodeHosts);
        return new Plan(fault, m, kind.nodeSetup(context), () -> kind.prepare(context),
                c -> kind.bind(m, c, context));
    }

    /**
     * Which mechanism runs and how real it is, from what the machine and the target offer (pure).
     * An explicitly requested mechanism that cannot run is reported unavailable, never swapped for another;
     * only an unavailable default falls back (if its kind names a fallback), and says so in its reason.
     */
    static Mechanism resolve(FaultClass fault, String requested, HostFacts facts, TargetCapabilities capabilities) {
        return resolve(fault, requested, facts, capabilities, Mechanisms.of(fault));
    }

    /**
     * The mechanism {@code fault} will use on a host with {@code facts} for a target offering {@code capabilities},
     * and how real it is there (pure: nothing is planned or touched), for declaring it before any fork starts.
     *
     * @throws InvalidInputException for a mechanism the class does not have; the message lists the valid ones
     */
    public static Mechanism mechanism(FaultClass fault, String mechanismOrNull, HostFacts facts,
                                      TargetCapabilities capabilities) {
        Map<String, MechanismKind> kinds = Mechanisms.of(fault);
        validate(fault, mechanismOrNull, kinds);
        return resolve(fault, mechanismOrNull, facts, capabilities, kinds);
    }

    private static Mechanism resolve(FaultClass fault, String requested, HostFacts facts,
                                     TargetCapabilities capabilities, Map<String, MechanismKind> kinds) {
        MechanismKind kind = kind(fault, requested == null ? fault.defaultMechanism() : requested, kinds);
        Mechanism m = kind.resolve(facts, capabilities);
        if (requested == null && m.status() == MechanismStatus.UNAVAILABLE) {
            return kind.fallback(facts, capabilities).orElse(m);
        }
        return m;
    }

    private static void validate(FaultClass fault, String mechanism, Map<String, MechanismKind> kinds) {
        if (mechanism != null && !kinds.containsKey(mechanism)) {
            throw new InvalidInputException("unknown mechanism '" + mechanism + "' for fault " + fault
                    + " (valid: " + String.join(", ", kinds.keySet()) + ")");
        }
    }

    /** The kind named {@code name}; validated input or a fallback always names one, so a miss is a bug. */
    private static MechanismKind kind(FaultClass fault, String name, Map<String, MechanismKind> kinds) {
        MechanismKind kind = kinds.get(name);
        if (kind == null) {
            throw new IllegalStateException("no mechanism " + name + " for fault " + fault);
        }
        return kind;
    }

    /** Binds a plan to a running cluster. */
    @FunctionalInterface
    private interface Binder {
        Fault bind(Cluster cluster) throws FaultException;
    }

    /** Files a mechanism needs on disk before the nodes start. */
    @FunctionalInterface
    private interface Preparation {
        void run() throws IOException;
    }

    private record Plan(FaultClass fault, Mechanism mechanism, NodeSetup nodeSetup, Preparation preparation,
                        Binder binder) implements FaultPlan {

        @Override
        public void prepare() throws IOException {
            preparation.run();
        }

        @Override
        public Fault bind(Cluster cluster) throws FaultException {
            return binder.bind(cluster);
        }
    }
}
