package dev.quorumbench.netns;

/** The namespace cluster could not be built, checked or removed; the message is one line. */
public class NetnsException extends Exception {

    public NetnsException(String message) {
        super(message);
    }

    public NetnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
