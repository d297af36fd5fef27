package dev.quorumbench.target;

/** The target could not be started, reached, signalled or restarted. */
public class TargetException extends Exception {
    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
