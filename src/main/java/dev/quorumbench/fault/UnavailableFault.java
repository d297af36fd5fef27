package dev.quorumbench.fault;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import java.util.Map;

/** A mechanism that cannot run here: every inject fails with the reason, so no cycle pretends it was injected. */
final class UnavailableFault extends BoundFault {

    UnavailableFault(FaultClass name, Mechanism mechanism, long windowMs) {
        super(name, mechanism, windowMs);
        detail(mechanism.name() + " unavailable: " + mechanism.reason());
    }

    @Override
    public void inject() throws FaultException {
        throw new FaultException(mechanism().name() + " is unavailable here: " + mechanism().reason());
    }

    @Override
    public Map<String, Long> heal() {
        return Map.of();
    }
}
