package dev.quorumbench.fault;

import dev.quorumbench.host.HarnessProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The firewall chain of the iptables partition, {@code QB-<harness pid>}, and its rules: DROP of each link-proxy
 * port in both directions. A chain whose harness no longer runs is abandoned and may be swept.
 */
record PartitionChain(String name) {

    private static final Pattern OWN_CHAIN = Pattern.compile("QB-(\\d+)");
    /** The proxies listen on loopback, so the chain only sees loopback traffic. */
    static final String DEVICE = "lo";
    /** Between hosts the rules match addresses, so the chain is jumped to from every interface ({@code +}). */
    static final String ANY_DEVICE = "+";

    PartitionChain {
        if (!OWN_CHAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("chain must be QB-<pid>, was " + name);
        }
    }

    /** The chain of the harness process with {@code pid}. */
    static PartitionChain of(long pid) {
        return new PartitionChain("QB-" + pid);
    }

    /** The chain of this harness process. */
    static PartitionChain ofThisHarness() {
        return of(HarnessProcess.pid());
    }

    /** The pid a harness chain is named after, or empty for a chain that is not ours. */
    static Optional<Long> ownerOf(String chain) {
        Matcher m = OWN_CHAIN.matcher(chain);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** True for a harness chain whose harness no longer runs; never for a chain that is not ours. */
    static boolean abandoned(String chain) {
        return ownerOf(chain).map(pid -> !HarnessProcess.isRunning(pid)).orElse(false);
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
