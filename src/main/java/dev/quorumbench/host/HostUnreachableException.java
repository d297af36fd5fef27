package dev.quorumbench.host;

/**
 * A host could not be reached or logged into (connection refused or timed out, host key unknown or changed,
 * key rejected): the message names the host, so the harness can say which one.
 */
public class HostUnreachableException extends HostException {

    public HostUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
