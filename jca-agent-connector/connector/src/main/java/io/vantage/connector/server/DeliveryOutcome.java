package io.vantage.connector.server;

import io.vantage.connector.api.AgentBatch;
import io.vantage.connector.api.AgentListener;
import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;

/**
 * What came of handing one batch to the application.
 *
 * @param kind   stored, not stored (the agent sends it again) or rejected (it never will be stored)
 * @param reason why it was not stored or rejected, for the log; {@code null} when stored
 * @param cause  the failure behind a not-stored outcome, when there was one
 */
record DeliveryOutcome(Kind kind, String reason, Throwable cause) {

    enum Kind { STORED, NOT_STORED, REJECTED }

    static final DeliveryOutcome STORED = new DeliveryOutcome(Kind.STORED, null, null);

    /** Hands the batch over; runs on a delivery thread, never on the selector. */
    static DeliveryOutcome deliver(AgentListener listener, AgentBatch batch) {
        try {
            listener.deliver(batch);
            return STORED;
        } catch (BatchNotStoredException e) {
            return new DeliveryOutcome(Kind.NOT_STORED, String.valueOf(e.getMessage()), e.getCause());
        } catch (BatchRejectedException e) {
            return new DeliveryOutcome(Kind.REJECTED, String.valueOf(e.getMessage()), null);
        } catch (RuntimeException e) {
            return notStored(e);
        }
    }

    static DeliveryOutcome notStored(Throwable cause) {
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new DeliveryOutcome(Kind.NOT_STORED, reason, cause);
    }

    static DeliveryOutcome notStored(String reason) {
        return new DeliveryOutcome(Kind.NOT_STORED, reason, null);
    }
}
