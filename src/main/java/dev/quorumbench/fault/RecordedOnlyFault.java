package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.Map;

/**
 * A simulated fault: records that it was meant to happen and changes nothing, as the source document's clock
 * skew did. Its status is {@link MechanismStatus#SIMULATED}, so its class can never pass.
 */
final class RecordedOnlyFault extends BoundFault {

    RecordedOnlyFault(FaultClass name, Mechanism mechanism, long windowMs) {
        super(name, mechanism, windowMs);
    }

    @Override
    public void inject() {
        detail("recorded only: " + faultClass() + " was not injected, nothing changed");
    }

    @Override
    public Map<String, Long> heal() {
        return Map.of();
    }

    /** The {@code recorded-only} mechanism of one fault class: simulated everywhere, since it does nothing. */
    static final class Kind implements MechanismKind {

        private final FaultClass faultClass;

        Kind(FaultClass faultClass) {
            this.faultClass = faultClass;
        }

        @Override
        public String name() {
            return "recorded-only";
        }

        @Override
        public FaultClass faultClass() {
            return faultClass;
        }

        @Override
        public Mechanism resolve(HostFacts facts, TargetCapabilities targetCapabilities) {
            return new Mechanism(name(), MechanismStatus.SIMULATED, "the intent is recorded, nothing changes");
        }

        @Override
        public Fault bind(Mechanism mechanism, Cluster cluster, PlanContext context) {
            return new RecordedOnlyFault(faultClass, mechanism, context.options().windowMs());
        }
    }
}
