package dev.quorumbench.fault;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostFacts;
import dev.quorumbench.store.StoreProtocol;
import java.util.function.IntFunction;

/**
 * What a mechanism is planned and bound with.
 *
 * @param options   the fault's knobs (window, skew, drop share, seed, target capabilities, work directory)
 * @param host      the host node-0 runs on (all nodes, unless the profile places them on hosts of their own)
 * @param facts     that host's facts, looked up once for the whole plan
 * @param store     the campaign's store protocol, through which clock faults read and offset node clocks
 * @param nodeHosts the host of node i: where a mechanism acting on node i writes its files before the node starts
 */
public record PlanContext(FaultOptions options, Host host, HostFacts facts, StoreProtocol store,
                          IntFunction<Host> nodeHosts) {

    /** A context where every node runs on {@code host}. */
    public PlanContext(FaultOptions options, Host host, HostFacts facts, StoreProtocol store) {
        this(options, host, facts, store, i -> host);
    }

    /** The host of node {@code i}. */
    public Host nodeHost(int i) {
        return nodeHosts.apply(i);
    }
}
