package dev.quorumbench.fault;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.store.StoreProtocols;

/** Test shorthand for fault plans: on this machine or a given host, clocks probed through ai-memory's protocol. */
final class Plans {

    private Plans() {
    }

    static FaultPlan local(FaultClass fault, String mechanism, FaultOptions options) {
        return on(fault, mechanism, options, LocalHost.get());
    }

    static FaultPlan on(FaultClass fault, String mechanism, FaultOptions options, Host host) {
        return FaultCatalog.plan(fault, mechanism, options, host, StoreProtocols.builtIn());
    }
}
