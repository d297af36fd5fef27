package dev.quorumbench;

/**
 * Input the user gave is wrong (bad option, missing or malformed file): the message is one line that says
 * what and where, and {@code cli} turns it into exit code 2 without a stack trace.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
