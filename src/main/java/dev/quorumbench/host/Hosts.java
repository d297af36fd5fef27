package dev.quorumbench.host;

import dev.quorumbench.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of host kinds: the built-in {@code local} machine plus every {@link HostKind} on the class path. */
public final class Hosts {

    /** This machine: the default kind of every profile. */
    public static final String LOCAL = "local";
    /**
     * Hosts reached over SSH, one per node: not opened by name, since each node's profile entry says how to reach its
     * host ({@link SshHosts}).
     */
    public static final String SSH = "ssh";

    private static final HostKind LOCAL_KIND = new HostKind() {
        @Override
        public String name() {
            return LOCAL;
        }

        @Override
        public Host open() {
            return LocalHost.get();
        }
    };

    private Hosts() {
    }

    /** Every known kind by name (built-in first, then registered ones; a registered kind never shadows a built-in). */
    public static Map<String, HostKind> kinds() {
        Map<String, HostKind> kinds = new TreeMap<>();
        for (HostKind k : ServiceLoader.load(HostKind.class)) {
            kinds.put(k.name(), k);
        }
        kinds.put(LOCAL, LOCAL_KIND);
        return kinds;
    }

    /** Whether a profile may name {@code kind}. */
    public static boolean known(String kind) {
        return SSH.equals(kind) || kinds().containsKey(kind);
    }

    /** The names of every kind, for error messages. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>(kinds().keySet());
        names.add(SSH);
        return List.copyOf(new java.util.TreeSet<>(names));
    }

    /** The host of kind {@code kind}; an unknown kind is an input error naming the known ones. */
    public static Host open(String kind) {
        HostKind k = kinds().get(kind);
        if (SSH.equals(kind)) {
            throw new InvalidInputException("host kind 'ssh' is opened per node from a hosts profile's \"nodes\" list");
        }
        if (k == null) {
            throw new InvalidInputException("unknown host kind '" + kind + "' (known: " + String.join(", ", names()) + ")");
        }
        return k.open();
    }
}
