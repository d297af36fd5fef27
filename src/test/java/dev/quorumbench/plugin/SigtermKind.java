package dev.quorumbench.plugin;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClusterException;
import dev.quorumbench.fault.BoundFault;
import dev.quorumbench.fault.Fault;
import dev.quorumbench.fault.FaultException;
import dev.quorumbench.fault.MechanismKind;
import dev.quorumbench.fault.NodeSetup;
import dev.quorumbench.fault.PlanContext;
import dev.quorumbench.fault.TargetCapabilities;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.host.ProcessState;
import dev.quorumbench.host.Signal;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A plug-in mechanism, registered in {@code META-INF/services} and written outside {@code fault/} against its public
 * API only: {@code kill_primary_mid_write} by {@code sigterm}, a polite kill of node-0 through its host.
 */
public final class SigtermKind implements MechanismKind {

    /** The environment node-0 is started with, proving a plug-in's node setup reaches the cluster. */
    public static final Map<Integer, Map<String, String>> ENV = Map.of(0, Map.of("QB_TEST_SIGTERM", "1"));

    @Override
    public String name() {
        return "sigterm";
    }

    @Override
    public FaultClass faultClass() {
        return FaultClass.KILL_PRIMARY_MID_WRITE;
    }

    @Override
    public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
        return facts.signals() && facts.procfs()
                ? new Mechanism(name(), MechanismStatus.REAL, null)
                : new Mechanism(name(), MechanismStatus.UNAVAILABLE, "needs a host that signals and reports states");
    }

    @Override
    public NodeSetup nodeSetup(PlanContext context) {
        return new NodeSetup(ENV, Map.of(), false);
    }

    /** Leaves a marker on the nodes' host, proving a plug-in's preparation runs before the nodes start. */
    @Override
    public void prepare(PlanContext context) throws IOException {
        try {
            context.host().writeFile(marker(context.options().workDir()), "sigterm\n");
        } catch (HostException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
        return new SigtermFault(mechanism, cluster, context.options().windowMs());
    }

    /** Where {@link #prepare} leaves its marker. */
    public static Path marker(Path workDir) {
        return workDir.resolve("sigterm.marker");
    }

    /** SIGTERM of node-0, verified gone by its host; heal restarts it. */
    private static final class SigtermFault extends BoundFault {

        private final Cluster cluster;

        SigtermFault(Mechanism mechanism, Cluster cluster, long windowMs) {
            super(FaultClass.KILL_PRIMARY_MID_WRITE, mechanism, windowMs);
            this.cluster = cluster;
        }

        @Override
        public void inject() throws FaultException {
            long pid = cluster.pid(0);
            try {
                cluster.host(0).signal(pid, Signal.TERM);
                if (!cluster.host(0).awaitState(pid, Set.of(ProcessState.GONE), 1000)) {
                    throw new FaultException("node-0 pid " + pid + " still runs after SIGTERM");
                }
            } catch (HostException e) {
                throw new FaultException("SIGTERM of node-0 failed: " + e.getMessage(), e);
            }
            detail("SIGTERM pid " + pid + " (node-0)");
        }

        @Override
        public Map<String, Long> heal() throws FaultException {
            if (cluster.isAlive(0)) {
                return Map.of();
            }
            try {
                return Map.of("recovery_ms", cluster.restart(0));
            } catch (ClusterException e) {
                throw new FaultException("restart of node-0 failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A plug-in that claims the built-in {@code sigkill}'s name and would make it simulated: it must never be used,
     * because a registered kind never shadows a built-in one.
     */
    public static final class ShadowsSigkill implements MechanismKind {

        @Override
        public String name() {
            return "sigkill";
        }

        @Override
        public FaultClass faultClass() {
            return FaultClass.KILL_PRIMARY_MID_WRITE;
        }

        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            return new Mechanism(name(), MechanismStatus.SIMULATED, "shadowed");
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            throw new AssertionError("a plug-in shadowed the built-in sigkill");
        }
    }
}
