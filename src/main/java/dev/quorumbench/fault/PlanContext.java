package dev.quorumbench.fault;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.store.StoreProtocol;

/**
 * What a mechanism is planned and bound with.
 *
 * @param options the fault's knobs (window, skew, drop share, seed, target capabilities, work directory)
 * @param host    the host the nodes run on, where a mechanism's files are written before they start
 * @param facts   that host's facts, looked up once for the whole plan
 * @param store   the campaign's store protocol, through which clock faults read and offset node clocks
 */
public record PlanContext(FaultOptions options, Host host, HostFacts facts, StoreProtocol store) {
}
