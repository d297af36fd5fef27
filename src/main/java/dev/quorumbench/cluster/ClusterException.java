package dev.quorumbench.cluster;

/** The target could not be started, reached, signalled or restarted. */
public class ClusterException extends Exception {
    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
