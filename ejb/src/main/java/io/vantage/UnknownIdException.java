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
}
