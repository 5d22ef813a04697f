package io.vantage.connector.api;

/** The batch's content can never be stored; resending it is pointless. The message is safe to send to the agent. */
public class BatchRejectedException extends Exception {

    public BatchRejectedException(String message) {
        super(message);
    }
}
