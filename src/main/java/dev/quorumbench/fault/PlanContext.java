package dev.quorumbench.fault;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.store.StoreProtocol;
import java.util.function.Supplier;

/**
 * What a mechanism is planned and bound with.
 *
 * @param options the fault's knobs (window, skew, drop share, seed, target capabilities, work directory)
 * @param host    the host the nodes run on, where a mechanism's files are written before they start
 * @param facts   that host's facts, looked up once for the whole plan
 * @param store   the store protocol through which clock faults read and offset node clocks; a supplier, so
 *                mechanisms that never probe a node never open one
 */
public record PlanContext(FaultOptions options, Host host, HostFacts facts, Supplier<StoreProtocol> store) {
}
