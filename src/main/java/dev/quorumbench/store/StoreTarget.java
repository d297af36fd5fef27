package dev.quorumbench.store;

import java.util.Objects;

/**
 * What a target profile says about talking to its store, in this package's terms (the profile itself lives in
 * {@code cluster/}, which imports this package, never the reverse).
 *
 * @param protocol    the protocol's name; {@value #AI_MEMORY} is the only one so far
 * @param healthPath  the path answering 200 when a node is up
 * @param clockOffset whether the nodes accept the cooperative clock offset
 */
public record StoreTarget(String protocol, String healthPath, boolean clockOffset) {

    public static final String AI_MEMORY = "ai-memory";
    public static final String DEFAULT_HEALTH_PATH = "/api/v1/health";

    public StoreTarget {
        Objects.requireNonNull(protocol, "protocol");
        if (healthPath == null || !healthPath.startsWith("/")) {
            throw new IllegalArgumentException("a health path must start with /, was " + healthPath);
        }
    }

    /** An ai-memory-API target with {@code healthPath}. */
    public static StoreTarget aiMemory(String healthPath, boolean clockOffset) {
        return new StoreTarget(AI_MEMORY, healthPath, clockOffset);
    }
}
