package dev.quorumbench.fault;

import dev.quorumbench.run.FaultClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of fault mechanisms: the built-in kinds, listed once here, plus every registered one. */
public final class Mechanisms {

    /** The built-in mechanisms, one line each; each name is also in its {@link FaultClass}'s list. */
    private static final List<MechanismKind> BUILT_IN = List.of(
            new KillPrimaryFault.Kind(),
            KillAtFanoutFault.Kind.atFanout(),
            KillAtFanoutFault.Kind.afterPeerAck(),
            new ProxyPartitionFault.Kind(),
            new IptablesPartitionFault.Kind(),
            new PauseNodeFault.Kind(),
            new DropAcksFault.Kind(),
            new FaketimeSkewFault.Kind(),
            new OffsetSkewFault.Kind(),
            new RecordedOnlyFault.Kind(FaultClass.CLOCK_SKEW_PEER));

    private Mechanisms() {
    }

    /**
     * The mechanisms of {@code fault} by name: the built-in ones in the order {@link FaultClass#mechanisms()} lists
     * them (the default first), then those registered for this class on the class path, by name. A registered kind
     * never shadows a built-in one, and one registered for another class is not a mechanism of this one.
     */
    public static Map<String, MechanismKind> of(FaultClass fault) {
        Map<String, MechanismKind> kinds = new LinkedHashMap<>();
        for (String name : fault.mechanisms()) {
            kinds.put(name, builtIn(fault, name));
        }
        Map<String, MechanismKind> registered = new TreeMap<>();
        for (MechanismKind k : ServiceLoader.load(MechanismKind.class)) {
            if (k.faultClass() == fault) {
                registered.putIfAbsent(k.name(), k);
            }
        }
        registered.forEach(kinds::putIfAbsent);
        return kinds;
    }

    /** The names {@code fault} accepts, the default first: for messages and help. */
    public static List<String> names(FaultClass fault) {
        return List.copyOf(of(fault).keySet());
    }

    /** The built-in kinds exactly as registered, for the test that holds them to {@link FaultClass}'s lists. */
    static List<MechanismKind> builtIn() {
        return BUILT_IN;
    }

    private static MechanismKind builtIn(FaultClass fault, String name) {
        return BUILT_IN.stream().filter(k -> k.faultClass() == fault && k.name().equals(name)).findFirst()
                // The run contract names it, so a missing kind is a build mistake, never a user's.
                .orElseThrow(() -> new IllegalStateException(fault + " lists mechanism '" + name
                        + "' but no built-in kind implements it"));
    }
}
