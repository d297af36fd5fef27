package dev.quorumbench.fault;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;

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
}
