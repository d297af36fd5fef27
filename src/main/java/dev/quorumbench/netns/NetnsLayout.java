package dev.quorumbench.netns;

import dev.quorumbench.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names and addresses of one network-namespace cluster (pure): host namespaces {@code <name>-h0..}, a bridge in
 * namespace {@code <name>-br}, and a veth {@code <name>-root} from the machine's own namespace to that bridge, all
 * in one /24 of private addresses.
 *
 * @param name   a short prefix (letters and digits, at most 8, so device names fit the kernel's 15 characters)
 * @param prefix the first three octets of the /24, e.g. {@code 10.213.77}
 * @param hosts  how many host namespaces
 */
public record NetnsLayout(String name, String prefix, int hosts) {

    public static final String DEFAULT_NAME = "qb";
    public static final String DEFAULT_SUBNET = "10.213.77.0/24";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,7}");
    private static final Pattern OCTETS = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.0/24");

    public NetnsLayout {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("--name must be 1-8 lower-case letters or digits starting with a letter, got '"
                    + name + "'");
        }
        if (hosts < 1 || hosts > 9) {
            throw new InvalidInputException("a namespace cluster has 1 to 9 hosts, got " + hosts);
        }
    }

    /** The layout for {@code name} on {@code subnet} (a private {@code a.b.c.0/24}); bad input is one line. */
    public static NetnsLayout of(String name, String subnet, int hosts) {
        Matcher m = OCTETS.matcher(subnet == null ? "" : subnet);
        String bad = "--subnet must be a private a.b.c.0/24 (in 10/8, 172.16/12 or 192.168/16), got '" + subnet + "'";
        if (!m.matches()) {
            throw new InvalidInputException(bad);
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int c = Integer.parseInt(m.group(3));
        boolean inRange = a <= 255 && b <= 255 && c <= 255;
        boolean isPrivate = a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168;
        if (!inRange || !isPrivate) {
            throw new InvalidInputException(bad);
        }
        return new NetnsLayout(name, a + "." + b + "." + c, hosts);
    }

    /** The namespace of host {@code i}. */
    public String hostNamespace(int i) {
        return name + "-h" + i;
    }

    /** The namespace holding the bridge. */
    public String bridgeNamespace() {
        return name + "-br";
    }

    /** Host {@code i}'s address (.10, .11, …). */
    public String hostAddress(int i) {
        return prefix + "." + (10 + i);
    }

    /** The machine's own address on the cluster's network, through which the harness reaches the hosts. */
    public String rootAddress() {
        return prefix + ".1";
    }

    /** The /24 in CIDR form. */
    public String subnet() {
        return prefix + ".0/24";
    }

    /** The root-namespace end of the veth to the bridge. */
    public String rootDevice() {
        return name + "-root";
    }

    /** The bridge device inside the bridge namespace. */
    public static final String BRIDGE = "br0";
    /** Each host's own end of its veth, inside its namespace. */
    public static final String HOST_DEVICE = "eth0";

    /** The bridge-namespace end of host {@code i}'s veth. */
    public String bridgePort(int i) {
        return "h" + i;
    }

    /** The bridge-namespace end of the root veth. */
    public static final String ROOT_PORT = "root";
}
