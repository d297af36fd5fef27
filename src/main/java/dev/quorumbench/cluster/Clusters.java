package dev.quorumbench.cluster;

import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.Hosts;
import dev.quorumbench.host.SshHost;
import dev.quorumbench.host.SshHosts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Starts clusters: the one entry point the benchmark uses. */
public final class Clusters {

    private Clusters() {
    }

    /**
     * Allocates ports, starts the link proxies and every node, and waits (at most {@code spec.startTimeoutMs()})
     * until each answers its health check. On failure nothing is left running and the exception's message is
     * one line that includes the tail of the failing node's log. A {@code hosts} profile places node i on its own
     * host, reached over SSH; every host must answer first.
     */
    public static Cluster start(ClusterSpec spec) throws ClusterException {
        return start(spec, hostOf(spec.profile()));
    }

    /**
     * As {@link #start(ClusterSpec)}, with the host {@link #hostOf} opened for this cluster's plan (the cluster
     * closes it). A {@code hosts} profile connects every node's host; {@code host} is node-0's among them.
     */
    public static Cluster start(ClusterSpec spec, Host host) throws ClusterException {
        TargetProfile profile = spec.profile();
        if (!profile.placed()) {
            return ProcessCluster.start(spec, host);
        }
        return ProcessCluster.startPlaced(spec, connectAll(profile));
    }

    /**
     * The host fault plans made before the cluster starts look at: the profile's {@code host} kind (the local machine
     * by default), or node-0's host for a {@code hosts} profile (its session opened on first use).
     */
    public static Host hostOf(TargetProfile profile) {
        if (profile.ownCluster()) {
            throw new dev.quorumbench.InvalidInputException("target " + profile.name() + " runs on a namespace cluster "
                    + "that 'run' brings up (\"host\": \"netns\"); use it with the run command");
        }
        if (profile.placed()) {
            NodeSite first = profile.sites().get(0);
            return SshHosts.of(first.ssh(), first.java());
        }
        return Hosts.open(profile.hostKind());
    }

    /**
     * The host of node i for fault plans, given {@code host} = {@link #hostOf}(profile): node i's own SSH host for a
     * {@code hosts} profile (the same shared session the cluster uses), else {@code host} for every node.
     */
    public static IntFunction<Host> nodeHosts(TargetProfile profile, Host host) {
        if (!profile.placed()) {
            return i -> host;
        }
        return i -> {
            NodeSite site = profile.sites().get(i);
            return SshHosts.of(site.ssh(), site.java());
        };
    }

    /**
     * Opens the session to every host of a {@code hosts} profile (nothing to do for other profiles); the first one
     * that cannot be reached is named in the exception.
     */
    public static List<Host> connectAll(TargetProfile profile) throws ClusterException {
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < profile.sites().size(); i++) {
            NodeSite site = profile.sites().get(i);
            SshHost h = SshHosts.of(site.ssh(), site.java());
            try {
                h.connect();
            } catch (HostException e) {
                throw new ClusterException("host of node-" + i + ": " + e.getMessage(), e);
            }
            hosts.add(h);
        }
        return hosts;
    }
}
