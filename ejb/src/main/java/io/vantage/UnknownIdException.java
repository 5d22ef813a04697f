package io.vantage;

import jakarta.ejb.ApplicationException;

/**
 * An id that names nothing the caller may see: it does not exist or belongs to another organization, which are
 * deliberately indistinguishable. The API answers 404.
 */
@ApplicationException(rollback = true)
public class UnknownIdException extends RuntimeException {

    public UnknownIdException(String what, long id) {
        super("no " + what + " " + id);
    }

    /** For things named rather than numbered, with the whole sentence: {@code node 42 has no check 'disk'}. */
    public UnknownIdException(String message) {
        super(message);
    }
}
