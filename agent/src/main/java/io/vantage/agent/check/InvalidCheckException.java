package io.vantage.agent.check;

/** A check definition file that cannot be used; the message says what to fix and names no file (the caller does). */
public final class InvalidCheckException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidCheckException(String message) {
        super(message);
    }
}
