package dev.quorumbench.store;

import dev.quorumbench.InvalidInputException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The one place that turns a target's description into its {@link StoreProtocol}: the registry of protocols. */
public final class StoreProtocols {

    /** The harness's connect timeout: a node on the same network accepts in well under a second or not at all. */
    public static final long CONNECT_TIMEOUT_MS = 1_000;

    private StoreProtocols() {
    }

    /**
     * A new protocol for {@code target}, its own connection pool bounded by {@link #CONNECT_TIMEOUT_MS} and
     * {@code responseTimeoutMs} per request; the caller closes it.
     *
     * @throws InvalidInputException for a protocol name no class implements
     */
    public static StoreProtocol forTarget(StoreTarget target, long responseTimeoutMs) {
        return forTarget(target, CONNECT_TIMEOUT_MS, responseTimeoutMs);
    }

    /** As {@link #forTarget(StoreTarget, long)} with its own connect timeout (a short-lived probe's). */
    public static StoreProtocol forTarget(StoreTarget target, long connectTimeoutMs, long responseTimeoutMs) {
        StoreProtocolKind kind = kinds().get(target.protocol());
        if (kind == null) {
            throw new InvalidInputException("unknown store protocol '" + target.protocol() + "' (known: "
                    + String.join(", ", kinds().keySet()) + ")");
        }
        return kind.open(target, connectTimeoutMs, responseTimeoutMs);
    }

    /** Whether a profile may name {@code protocol}. */
    public static boolean known(String protocol) {
        return kinds().containsKey(protocol);
    }

    /**
     * Every protocol by name: the built-in ones, then those registered on the class path (a registered protocol
     * never shadows a built-in one).
     */
    public static Map<String, StoreProtocolKind> kinds() {
        Map<String, StoreProtocolKind> kinds = new TreeMap<>();
        for (StoreProtocolKind k : ServiceLoader.load(StoreProtocolKind.class)) {
            kinds.put(k.name(), k);
        }
        kinds.put(AI_MEMORY.name(), AI_MEMORY);
        kinds.put(HTTP.name(), HTTP);
        return kinds;
    }

    /**
     * ai-memory's HTTP API: the bundled declarative description ({@link AiMemoryDescription}), which replaced a
     * hand-written client that was not faster (README "Performance"), probing the profile's health path.
     */
    private static final StoreProtocolKind AI_MEMORY = new StoreProtocolKind() {
        @Override
        public String name() {
            return StoreTarget.AI_MEMORY;
        }

        @Override
        public StoreProtocol open(StoreTarget target, long connectTimeoutMs, long responseTimeoutMs) {
            return new HttpStoreProtocol(AiMemoryDescription.get().withHealthPath(target.healthPath()),
                    new HttpTransport(connectTimeoutMs, responseTimeoutMs), target.clockOffset());
        }
    };

    /** A store described by the profile's {@code protocol} object, over the same transport. */
    private static final StoreProtocolKind HTTP = new StoreProtocolKind() {
        @Override
        public String name() {
            return StoreTarget.HTTP;
        }

        @Override
        public StoreProtocol open(StoreTarget target, long connectTimeoutMs, long responseTimeoutMs) {
            if (target.http() == null) {
                throw new InvalidInputException("store protocol 'http' is described by a \"protocol\" object in the "
                        + "target profile, not named");
            }
            return new HttpStoreProtocol(target.http(), new HttpTransport(connectTimeoutMs, responseTimeoutMs),
                    target.clockOffset());
        }
    };

    /**
     * The process-wide protocol of the bundled targets (ai-memory's API, clock offset offered), for code that
     * probes nodes without a campaign's protocol at hand (tests, the fault catalogue's default). Never closed:
     * it holds no connection between calls because its probes ask for {@code Connection: close}.
     */
    public static StoreProtocol builtIn() {
        return BuiltIn.PROTOCOL;
    }

    private static final class BuiltIn {
        static final StoreProtocol PROTOCOL = forTarget(
                StoreTarget.aiMemory(StoreTarget.DEFAULT_HEALTH_PATH, true), 5_000);
    }
}
