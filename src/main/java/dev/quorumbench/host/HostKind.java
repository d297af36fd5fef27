package dev.quorumbench.host;

/**
 * A kind of host a target profile can name ({@code "host": "local"}): the registration point of a {@link Host}
 * implementation. Built-in kinds are listed in {@link Hosts}; others register through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.quorumbench.host.HostKind}), which is how a test double or a plug-in adds one.
 */
public interface HostKind {

    /** The name a profile uses, e.g. {@code local}. */
    String name();

    /** The host the nodes of a cluster run on; the caller closes it when the cluster is gone. */
    Host open();
}
