package io.vantage.connector.graphite;

/** One line that is not {@code path value timestamp}; Graphite drops such a line and carries on. */
final class InvalidLineException extends Exception {

    InvalidLineException(String reason) {
        // no stack trace: thrown for every bad line a sender cares to send, and only its reason is ever used
        super(reason, null, false, false);
    }
}
