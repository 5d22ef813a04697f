package io.vantage.connector.graphite;

/**
 * Input that ends the connection rather than costing one line: an over-long line, binary data, or a sender that
 * sends nothing valid. The message is sent to the sender in the {@code ERROR} line, so it names no server detail.
 */
final class FatalInputException extends Exception {

    FatalInputException(String message) {
        // no stack trace: a sender can provoke this at will, and the message says all there is to say
        super(message, null, false, false);
    }
}
