package io.vantage.infrastructure.cassandra;

import jakarta.ejb.ApplicationException;

/** The time-series store cannot be reached now; the work should be retried later. */
@ApplicationException(rollback = true)
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message) {
        super(message);
    }
}
