package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.Map;

/**
 * {@code kill_primary_mid_write} by {@code sigkill}: SIGKILL of node-0's own JVM through its host, verified by the
 * host reporting its pid gone; heal restarts it on the same database and measures the time until it is healthy.
 */
final class KillPrimaryFault extends BoundFault {

    private final PrimaryKill kill;

    KillPrimaryFault(Mechanism mechanism, Cluster cluster) {
        // The window is 0: the primary is restarted at once, and writes retry until it is back.
        super(FaultClass.KILL_PRIMARY_MID_WRITE, mechanism, 0);
        this.kill = new PrimaryKill(cluster);
    }

    @Override
    public void inject() throws FaultException {
        long pid = kill.kill(kill.runningPid());
        detail("SIGKILL pid " + pid + " (node-0)");
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        return kill.restart();
    }

    /** The {@code sigkill} mechanism: real on every host, since signalling a node is a verb every host offers. */
    static final class Kind implements MechanismKind {

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
            return new Mechanism(name(), MechanismStatus.REAL, null);
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            return new KillPrimaryFault(mechanism, cluster);
        }
    }
}
