package dev.quorumbench.fault;

import dev.quorumbench.host.Capability;
import dev.quorumbench.host.Firewall;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import java.util.List;

/**
 * Removes the partition chains ({@code QB-<machine>-<pid>}) whose harness process provably no longer runs from a host's firewall.
 * A SIGKILLed JMH fork runs no shutdown hook, so its chain, with DROP rules on live ports, would stay until the
 * next iptables campaign; the campaign's main process calls this when JMH returns, whatever happened to the fork.
 */
public final class AbandonedChains {

    private AbandonedChains() {
    }

    /** The chains removed; none where the host has no firewall. */
    public static List<String> sweep(Host host) throws HostException {
        Capability<Firewall> fw = host.firewall();
        if (fw instanceof Capability.Available<Firewall> available) {
            return available.thing().sweep(PartitionChain::abandoned);
        }
        return List.of();
    }
}
