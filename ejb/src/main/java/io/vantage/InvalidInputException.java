package io.vantage;

import jakarta.ejb.ApplicationException;

/**
 * Input that cannot be accepted (a malformed query, a threshold on the wrong side, a bad URL); the message says what
 * is wrong and how to fix it. Nothing is changed: the transaction rolls back. The API answers 400.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends IllegalArgumentException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
