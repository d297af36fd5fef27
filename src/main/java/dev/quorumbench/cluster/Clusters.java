package dev.quorumbench.cluster;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.Hosts;

/** Starts clusters: the one entry point the benchmark uses. */
public final class Clusters {

    private Clusters() {
    }

    /**
     * Allocates ports, starts the link proxies and every node, and waits (at most {@code spec.startTimeoutMs()})
     * until each answers its health check. On failure nothing is left running and the exception's message is
     * one line that includes the tail of the failing node's log.
     */
    public static Cluster start(ClusterSpec spec) throws ClusterException {
        return start(spec, hostOf(spec.profile()));
    }

    /** As {@link #start(ClusterSpec)}, on a host already opened for this cluster (the cluster closes it). */
    public static Cluster start(ClusterSpec spec, Host host) throws ClusterException {
        return ProcessCluster.start(spec, host);
    }

    /**
     * The host {@link #start} places every node of {@code profile} on (its {@code host} kind; the local machine by
     * default). Fault plans made before the cluster starts look at this host's facts.
     */
    public static Host hostOf(TargetProfile profile) {
        return Hosts.open(profile.hostKind());
    }
}
