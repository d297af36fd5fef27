package dev.quorumbench.store;

import java.util.Objects;

/**
 * What a target profile says about talking to its store, in this package's terms (the profile itself lives in
 * {@code cluster/}, which imports this package, never the reverse).
 *
 * @param protocol    the protocol's name: {@value #AI_MEMORY}, {@value #HTTP} (declarative) or a plug-in's
 * @param healthPath  the path answering 200 when a node is up
 * @param clockOffset whether the nodes accept the cooperative clock offset
 * @param http        the declarative protocol when the profile's {@code protocol} is an object, else null
 */
public record StoreTarget(String protocol, String healthPath, boolean clockOffset, HttpStore http) {

    public static final String AI_MEMORY = "ai-memory";
    /** The kind of a profile whose {@code protocol} is an object describing an HTTP store ({@link HttpStore}). */
    public static final String HTTP = "http";
    public static final String DEFAULT_HEALTH_PATH = "/api/v1/health";

    public StoreTarget {
        Objects.requireNonNull(protocol, "protocol");
        if (healthPath == null || !healthPath.startsWith("/")) {
            throw new IllegalArgumentException("a health path must start with /, was " + healthPath);
        }
    }

    /** A named protocol's target (no declarative description). */
    public StoreTarget(String protocol, String healthPath, boolean clockOffset) {
        this(protocol, healthPath, clockOffset, null);
    }

    /** A declarative protocol's target: its health path is the one the description probes. */
    public static StoreTarget declarative(HttpStore http, boolean clockOffset) {
        return new StoreTarget(HTTP, http.health().path(), clockOffset, Objects.requireNonNull(http, "http"));
    }

    /** An ai-memory-API target with {@code healthPath}. */
    public static StoreTarget aiMemory(String healthPath, boolean clockOffset) {
        return new StoreTarget(AI_MEMORY, healthPath, clockOffset);
    }
}
