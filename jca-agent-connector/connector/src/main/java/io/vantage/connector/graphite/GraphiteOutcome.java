package io.vantage.connector.graphite;

import io.vantage.connector.api.BatchNotStoredException;
import io.vantage.connector.api.BatchRejectedException;
import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.api.GraphiteListener;

/**
 * What came of offering one Graphite batch to the application.
 *
 * @param kind   stored, not stored (offered again later) or rejected (dropped)
 * @param reason why it was not stored or rejected, for the log; {@code null} when stored
 */
record GraphiteOutcome(Kind kind, String reason) {

    enum Kind { STORED, NOT_STORED, REJECTED }

    static final GraphiteOutcome STORED = new GraphiteOutcome(Kind.STORED, null);

    /** Hands the batch over; runs on a delivery thread, never on the selector. */
    static GraphiteOutcome deliver(GraphiteListener listener, GraphiteBatch batch) {
        try {
            listener.deliver(batch);
            return STORED;
        } catch (BatchNotStoredException e) {
            return new GraphiteOutcome(Kind.NOT_STORED, String.valueOf(e.getMessage()));
        } catch (BatchRejectedException e) {
            return new GraphiteOutcome(Kind.REJECTED, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // a bug or an unavailable endpoint: keeping the lines and trying later is the only safe answer
            return notStored(e);
        }
    }

    static GraphiteOutcome notStored(Throwable cause) {
        return new GraphiteOutcome(Kind.NOT_STORED, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
