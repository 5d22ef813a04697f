package io.vantage;

import jakarta.ejb.ApplicationException;

/** A change that clashes with what exists, such as a second monitor with the same name. The API answers 409. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
