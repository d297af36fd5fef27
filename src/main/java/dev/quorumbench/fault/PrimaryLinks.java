package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.LinkControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Node-0's directed links (0→j and j→0 for every peer j), their proxy ports, and the probes that verify a cut. */
final class PrimaryLinks {

    private PrimaryLinks() {
    }

    /** The directed links that isolate node-0 in a cluster of {@code size} nodes: 0→1, 1→0, 0→2, 2→0, … */
    static List<int[]> of(int size) {
        List<int[]> links = new ArrayList<>();
        for (int j = 1; j < size; j++) {
            links.add(new int[] {0, j});
            links.add(new int[] {j, 0});
        }
        return links;
    }

    static String describe(List<int[]> links) {
        return links.stream().map(l -> l[0] + "→" + l[1]).collect(Collectors.joining(", "));
    }

    static LinkControl control(Cluster cluster) throws FaultException {
        LinkControl links = cluster.links();
        if (links == null) {
            throw new FaultException("the cluster runs without link proxies (plan.nodeSetup().needsLinkProxies())");
        }
        return links;
    }

    /** The loopback port of each link's proxy, in order. */
    static List<Integer> ports(LinkControl links, List<int[]> directed) throws FaultException {
        List<Integer> ports = new ArrayList<>();
        for (int[] l : directed) {
            int port;
            try {
                port = links.port(l[0], l[1]);
            } catch (UnsupportedOperationException e) {
                throw new FaultException("cannot verify link " + l[0] + "→" + l[1] + ": " + e.getMessage(), e);
            }
            if (port <= 0) {
                throw new FaultException("link " + l[0] + "→" + l[1] + " has no proxy port");
            }
            ports.add(port);
        }
        return ports;
    }

    /** Fails unless no byte comes back from any of the ports within {@code windowMs}. */
    static void verifyCut(List<Integer> ports, long windowMs) throws FaultException {
        Map<Integer, LinkProbe.Answer> answers = LinkProbe.probe(ports, windowMs);
        List<Integer> open = answers.entrySet().stream().filter(e -> !e.getValue().cut()).map(Map.Entry::getKey)
                .toList();
        if (!open.isEmpty()) {
            throw new FaultException("partition did not take effect: proxy ports " + open + " still answered within "
                    + windowMs + " ms");
        }
    }

    /** Fails unless every port answers an HTTP request again within {@code timeoutMs}. */
    static void verifyForwarding(List<Integer> ports, long timeoutMs) throws FaultException {
        List<Integer> silent = LinkProbe.awaitForwarding(ports, timeoutMs);
        if (!silent.isEmpty()) {
            throw new FaultException("heal did not restore forwarding: proxy ports " + silent + " still silent after "
                    + timeoutMs + " ms");
        }
    }
}
