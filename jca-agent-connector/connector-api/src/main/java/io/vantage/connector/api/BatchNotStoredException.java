package io.vantage.connector.api;

/** The batch was not stored this time (storage or messaging unavailable); the agent should send it again. */
public class BatchNotStoredException extends Exception {

    public BatchNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
