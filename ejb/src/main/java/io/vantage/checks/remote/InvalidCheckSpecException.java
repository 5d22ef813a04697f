package io.vantage.checks.remote;

/**
 * Thrown when a check's settings are invalid. The message names the setting and the value, for example
 * {@code port must be 1-65535, got 70000}, so the REST API can return it to the user as it is.
 */
public class InvalidCheckSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidCheckSpecException(String message) {
        super(message);
    }
}
