package dev.quorumbench.fault;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import dev.quorumbench.host.Capability;
import dev.quorumbench.host.Firewall;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.host.LocalHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The four fault classes of the Phase-4 campaign, their mechanisms, and the plan for one of them on a host. */
public final class FaultCatalog {

    /** How long libfaketime may take to show a new offset (cache off: next read; cache 1 s: up to a second). */
    private static final long FAKETIME_SETTLE_MS = 2500;
    private static final LibFaketime.CacheMode FAKETIME_CACHE = LibFaketime.CacheMode.NO_CACHE;

    private FaultCatalog() {
    }

    /**
     * The plan for {@code fault} with {@code mechanismOrNull} (null: the default, with the clock's fallback to
     * {@code node-offset} or {@code recorded-only} when libfaketime is missing), resolved for the host
     * {@link Clusters#start} places the nodes on.
     *
     * @throws InvalidInputException for an unknown mechanism; the message lists the valid ones
     */
    public static FaultPlan plan(FaultClass fault, String mechanismOrNull, FaultOptions options) {
        return plan(fault, mechanismOrNull, options, LocalHost.get(), StoreProtocols::builtIn);
    }

    /**
     * The plan resolved for the nodes' {@code host} (its facts decide which mechanisms are real, and files the
     * mechanism needs before the nodes start are written there), with the campaign's store protocol, through
     * which the clock faults read node clocks and set the cooperative offset.
     */
    public static FaultPlan plan(FaultClass fault, String mechanismOrNull, FaultOptions options, Host host,
                                 StoreProtocol store) {
        return plan(fault, mechanismOrNull, options, host, () -> store);
    }

    /** The plan resolved for the nodes' {@code host}, its clock faults probing through ai-memory's protocol. */
    public static FaultPlan plan(FaultClass fault, String mechanismOrNull, FaultOptions options, Host host) {
        return plan(fault, mechanismOrNull, options, host, StoreProtocols::builtIn);
    }

    private static FaultPlan plan(FaultClass fault, String mechanismOrNull, FaultOptions options, Host host,
                                  Supplier<StoreProtocol> store) {
        validate(fault, mechanismOrNull);
        HostFacts facts = host.facts();
        Mechanism m = resolve(fault, mechanismOrNull, facts, options.targetCapabilities());
        long window = options.windowMs();
        if (!m.status().injected() && m.status() != MechanismStatus.SIMULATED) {
            return new Plan(fault, m, NodeSetup.NONE, f -> new UnavailableFault(fault, m, window));
        }
        return switch (m.name()) {
            case "sigkill" -> new Plan(fault, m, NodeSetup.NONE, f -> new KillPrimaryFault(m, f));
            case "proxy-blackhole" -> new Plan(fault, m, NodeSetup.LINK_PROXIES,
                    f -> new ProxyPartitionFault(m, f, window));
            // Nodes on hosts of their own are cut by address on node-0's host; nodes sharing this machine by their
            // link-proxy ports on loopback.
            case "iptables" -> new Plan(fault, m, NodeSetup.LINK_PROXIES,
                    f -> f.peerAddress(HostPartitionFault.NODE).isPresent()
                            ? HostPartitionFault.bind(m, f, window, firewall(f.host(HostPartitionFault.NODE)))
                            : IptablesPartitionFault.bind(m, f, window, firewall(f.host(IptablesPartitionFault.NODE))));
            case "sigstop" -> new Plan(fault, m, NodeSetup.NONE, f -> PauseNodeFault.bind(m, f, window));
            case "proxy-drop-acks" -> new Plan(fault, m, NodeSetup.LINK_PROXIES,
                    f -> new DropAcksFault(m, f, window, options.dropShare(), options.seed()));
            case "libfaketime" -> faketimePlan(fault, m, options, facts.faketimeLibrary().orElseThrow(), host, store);
            case "node-offset" -> new Plan(fault, m,
                    new NodeSetup(Map.of(), Map.of(OffsetSkewFault.NODE, List.of("--allow-clock-offset")), false),
                    f -> new OffsetSkewFault(m, f, window, options.skewMs(), new ClockProbe(store.get())));
            case "recorded-only" -> new Plan(fault, m, NodeSetup.NONE, f -> new RecordedOnlyFault(fault, m, window));
            default -> throw new IllegalStateException("no plan for mechanism " + m.name());
        };
    }

    /**
     * Which mechanism runs and how real it is, from what the machine and the target offer (pure).
     * An explicitly requested mechanism that cannot run is reported unavailable, never swapped for another;
     * only the default clock mechanism falls back, and says so in its reason.
     */
    static Mechanism resolve(FaultClass fault, String requested, HostFacts facts, Set<String> capabilities) {
        boolean clockOffset = capabilities.contains(FaultOptions.CAPABILITY_CLOCK_OFFSET);
        if (requested == null && fault == FaultClass.CLOCK_SKEW_PEER && facts.faketimeLibrary().isEmpty()) {
            return clockOffset
                    ? new Mechanism("node-offset", MechanismStatus.COOPERATIVE,
                            "libfaketime is not installed; node-1 offsets its own clock on request")
                    : new Mechanism("recorded-only", MechanismStatus.SIMULATED,
                            "libfaketime is not installed and the target cannot offset its clock: "
                                    + "the intent is recorded, nothing changes");
        }
        String name = requested == null ? fault.defaultMechanism() : requested;
        return switch (name) {
            case "sigkill", "proxy-blackhole", "proxy-drop-acks" -> new Mechanism(name, MechanismStatus.REAL, null);
            case "iptables" -> facts.firewall().reason()
                    .map(why -> new Mechanism(name, MechanismStatus.UNAVAILABLE, why))
                    .orElseGet(() -> new Mechanism(name, MechanismStatus.REAL, null));
            case "sigstop" -> facts.signals() && facts.procfs()
                    ? new Mechanism(name, MechanismStatus.REAL, null)
                    : new Mechanism(name, MechanismStatus.UNAVAILABLE,
                            "needs a host that sends SIGSTOP and reads process states to verify it");
            case "libfaketime" -> facts.faketimeLibrary().isPresent()
                    ? new Mechanism(name, MechanismStatus.REAL, null)
                    : new Mechanism(name, MechanismStatus.UNAVAILABLE,
                            "libfaketime is not installed (looked for " + HostFacts.FAKETIME_CANDIDATES.get(0)
                                    + " and others)");
            case "node-offset" -> clockOffset
                    ? new Mechanism(name, MechanismStatus.COOPERATIVE, "node-1 offsets its own clock on request")
                    : new Mechanism(name, MechanismStatus.UNAVAILABLE,
                            "the target has no '" + FaultOptions.CAPABILITY_CLOCK_OFFSET + "' capability");
            case "recorded-only" -> new Mechanism(name, MechanismStatus.SIMULATED,
                    "the intent is recorded, nothing changes");
            default -> throw new IllegalStateException("unlisted mechanism " + name);
        };
    }

    private static void validate(FaultClass fault, String mechanism) {
        List<String> valid = fault.mechanisms();
        if (mechanism != null && !valid.contains(mechanism)) {
            throw new InvalidInputException("unknown mechanism '" + mechanism + "' for fault " + fault
                    + " (valid: " + String.join(", ", valid) + ")");
        }
    }

    /** The firewall of the host a partition acts on; planned as available, so missing now is a failed bind. */
    private static Firewall firewall(Host host) throws FaultException {
        Capability<Firewall> firewall = host.firewall();
        return firewall.value().orElseThrow(() -> new FaultException("iptables is unavailable on " + host.name()
                + ": " + firewall.reason().orElse("unknown")));
    }

    private static FaultPlan faketimePlan(FaultClass fault, Mechanism m, FaultOptions options, Path library,
                                          Host host, Supplier<StoreProtocol> store) {
        Path file = options.workDir().resolve("node-" + FaketimeSkewFault.NODE + ".faketime");
        NodeSetup setup = new NodeSetup(
                Map.of(FaketimeSkewFault.NODE, LibFaketime.environment(library, file, FAKETIME_CACHE)), Map.of(), false);
        Binder binder = f -> new FaketimeSkewFault(m, f, options.windowMs(), file, options.skewMs(), FAKETIME_SETTLE_MS,
                new ClockProbe(store.get()));
        // The node reads the file from its first clock read on, so it must say "no skew" before the node starts.
        return new Plan(fault, m, setup, binder, () -> {
            try {
                LibFaketime.write(host, file, 0);
            } catch (HostException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }

    /** Binds a plan to a running cluster. */
    @FunctionalInterface
    private interface Binder {
        Fault bind(Cluster cluster) throws FaultException;
    }

    /** Files a mechanism needs on disk before the nodes start. */
    private interface Preparation {
        void run() throws IOException;
    }

    private record Plan(FaultClass fault, Mechanism mechanism, NodeSetup nodeSetup, Binder binder, Preparation preparation)
            implements FaultPlan {

        Plan(FaultClass fault, Mechanism mechanism, NodeSetup nodeSetup, Binder binder) {
            this(fault, mechanism, nodeSetup, binder, () -> { });
        }

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
