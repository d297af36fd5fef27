package dev.quorumbench.host;

/** A host could not do what it was asked: a command could not run or timed out, a signal found no process. */
public class HostException extends Exception {

    public HostException(String message) {
        super(message);
    }

    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
