package dev.quorumbench.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SSH hosts of this JVM, one per endpoint, so every user of a host (mechanism resolution, the cluster, its
 * faults) shares its one session. Sessions are not closed by a shutdown hook on purpose: the cluster's and the
 * firewall's own hooks still need them to kill nodes and remove chains while the JVM exits; the connections end
 * with the process.
 */
public final class SshHosts {

    private static final Map<SshEndpoint, SshHost> OPEN = new ConcurrentHashMap<>();

    private SshHosts() {
    }

    /** The host at {@code endpoint}, its session not yet opened (see {@link SshHost#connect()}). */
    public static SshHost of(SshEndpoint endpoint, JavaCommand java) {
        return OPEN.computeIfAbsent(endpoint, e -> new SshHost(e, java, SshHost.DEFAULT_CONNECT_TIMEOUT_MS));
    }

    /** Closes every session (tests; a harness lets them end with the JVM). */
    public static void closeAll() {
        OPEN.values().forEach(SshHost::close);
        OPEN.clear();
    }
}
