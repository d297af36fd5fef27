package dev.quorumbench.netns;

import java.util.ArrayList;
import java.util.List;

/** The {@code ip} commands that build and tear down a {@link NetnsLayout} (pure), in order. */
final class NetnsPlan {

    static final String IP = "/usr/sbin/ip";

    private NetnsPlan() {
    }

    /** Builds the namespaces, the bridge, one veth per host and the veth from the machine's namespace. */
    static List<List<String>> up(NetnsLayout l) {
        List<List<String>> c = new ArrayList<>();
        String br = l.bridgeNamespace();
        c.add(List.of(IP, "netns", "add", br));
        c.add(List.of(IP, "-n", br, "link", "set", "lo", "up"));
        c.add(List.of(IP, "-n", br, "link", "add", NetnsLayout.BRIDGE, "type", "bridge"));
        c.add(List.of(IP, "-n", br, "link", "set", NetnsLayout.BRIDGE, "up"));
        for (int i = 0; i < l.hosts(); i++) {
            String ns = l.hostNamespace(i);
            c.add(List.of(IP, "netns", "add", ns));
            c.add(List.of(IP, "-n", ns, "link", "set", "lo", "up"));
            // Created inside the bridge namespace, its peer moved straight into the host's: never in the machine's.
            c.add(List.of(IP, "-n", br, "link", "add", l.bridgePort(i), "type", "veth", "peer", "name",
                    NetnsLayout.HOST_DEVICE, "netns", ns));
            c.add(List.of(IP, "-n", br, "link", "set", l.bridgePort(i), "master", NetnsLayout.BRIDGE, "up"));
            c.add(List.of(IP, "-n", ns, "addr", "add", l.hostAddress(i) + "/24", "dev", NetnsLayout.HOST_DEVICE));
            c.add(List.of(IP, "-n", ns, "link", "set", NetnsLayout.HOST_DEVICE, "up"));
        }
        c.add(List.of(IP, "link", "add", l.rootDevice(), "type", "veth", "peer", "name", NetnsLayout.ROOT_PORT,
                "netns", br));
        c.add(List.of(IP, "-n", br, "link", "set", NetnsLayout.ROOT_PORT, "master", NetnsLayout.BRIDGE, "up"));
        c.add(List.of(IP, "addr", "add", l.rootAddress() + "/24", "dev", l.rootDevice()));
        c.add(List.of(IP, "link", "set", l.rootDevice(), "up"));
        return c;
    }

    /** Every namespace of the layout, hosts first (deleting the bridge namespace last also removes the veths). */
    static List<String> namespaces(NetnsLayout l) {
        List<String> ns = new ArrayList<>();
        for (int i = 0; i < l.hosts(); i++) {
            ns.add(l.hostNamespace(i));
        }
        ns.add(l.bridgeNamespace());
        return ns;
    }
}
