package dev.quorumbench.fault;

import dev.quorumbench.host.HarnessProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The firewall chain of the iptables partition, {@code QB-<machine>-<harness pid>} (the machine as
 * {@link HarnessProcess#machine()}, so a chain on a remote host names its owner unambiguously; 20 characters at most,
 * well inside iptables' 28), and its rules: DROP of each link-proxy port or peer address in both directions. A chain
 * whose harness provably no longer runs (same machine, pid gone) is abandoned and may be swept; a chain of a harness
 * on another machine never is.
 */
record PartitionChain(String name) {

    private static final Pattern OWN_CHAIN = Pattern.compile("QB-([0-9a-f]{8})-(\\d{1,10})");
    /** The proxies listen on loopback, so the chain only sees loopback traffic. */
    static final String DEVICE = "lo";
    /** Between hosts the rules match addresses, so the chain is jumped to from every interface ({@code +}). */
    static final String ANY_DEVICE = "+";

    PartitionChain {
        if (!OWN_CHAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("chain must be QB-<machine>-<pid>, was " + name);
        }
    }

    /** The chain of the harness process with {@code pid} on {@code machine}. */
    static PartitionChain of(String machine, long pid) {
        return new PartitionChain("QB-" + machine + "-" + pid);
    }

    /** The chain of this harness process. */
    static PartitionChain ofThisHarness() {
        return of(HarnessProcess.machine(), HarnessProcess.pid());
    }

    /** The owner (machine, pid) a harness chain is named after, or empty for a chain that is not ours. */
    static Optional<Owner> ownerOf(String chain) {
        Matcher m = OWN_CHAIN.matcher(chain);
        return m.matches() ? Optional.of(new Owner(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
    }

    /** True for a harness chain whose harness provably no longer runs; never for a chain that is not ours. */
    static boolean abandoned(String chain) {
        return ownerOf(chain).map(o -> HarnessProcess.provablyGone(o.machine(), o.pid())).orElse(false);
    }

    /** Who made a chain: the machine tag and the pid of its harness there. */
    record Owner(String machine, long pid) {
    }

    /**
     * The DROP rules that cut a host off from {@code peers} both ways: packets from each peer address and packets to
     * it (pure). Everything else the host exchanges (the harness, its SSH session) passes.
     */
    List<String> dropAddressRules(List<String> peers) {
        List<String> rules = new ArrayList<>();
        for (String peer : peers) {
            if (!peer.matches("[0-9A-Za-z.:-]{1,253}")) {
                throw new IllegalArgumentException("not an address: " + peer);
            }
            rules.add("-A " + name + " -s " + peer + " -j DROP");
            rules.add("-A " + name + " -d " + peer + " -j DROP");
        }
        return rules;
    }

    /** The DROP rules that cut {@code ports} both ways: to the port and from it (pure). */
    List<String> dropRules(List<Integer> ports) {
        List<String> rules = new ArrayList<>();
        for (int port : ports) {
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            rules.add("-A " + name + " -p tcp --dport " + port + " -j DROP");
            rules.add("-A " + name + " -p tcp --sport " + port + " -j DROP");
        }
        return rules;
    }
}
