package dev.quorumbench.node;

/** A request the node refuses: carries the HTTP status and the JSON error code of the answer. */
final class BadRequestException extends RuntimeException {
    private final int status;
    private final String error;

    BadRequestException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static BadRequestException invalid(String message) {
        return new BadRequestException(400, "invalid_request", message);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
