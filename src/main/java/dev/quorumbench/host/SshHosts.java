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

    /**
     * The host at {@code endpoint}, its session not yet opened (see {@link SshHost#connect()}); a host closed by its
     * last user (a run that ended, in a JVM that runs another) is replaced by a new one.
     */
    public static SshHost of(SshEndpoint endpoint, JavaCommand java) {
        return OPEN.compute(endpoint, (e, h) -> h == null || h.closed()
                ? new SshHost(e, java, SshHost.DEFAULT_CONNECT_TIMEOUT_MS) : h);
    }

    /** Closes every session (tests; a harness lets them end with the JVM). */
    public static void closeAll() {
        OPEN.values().forEach(SshHost::close);
        OPEN.clear();
    }
}
