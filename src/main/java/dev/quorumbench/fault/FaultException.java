package dev.quorumbench.fault;

/** A fault could not be injected, verified or healed. */
public class FaultException extends Exception {
    public FaultException(String message) {
        super(message);
    }

    public FaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
