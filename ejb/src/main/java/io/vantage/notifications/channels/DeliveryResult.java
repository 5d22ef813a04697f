package io.vantage.notifications.channels;

import java.time.Duration;
import java.util.Objects;

/**
 * How one delivery attempt went. Channels return it instead of throwing, so the caller can record every attempt
 * and decide on a retry without guessing from exception types.
 *
 * @param outcome    delivered, worth retrying, or not worth retrying
 * @param httpStatus the receiver's HTTP status; {@code null} for mail and when no response came
 * @param detail     what happened, for operators: the server's reply or the error, on one line, never the secret
 *                   or the full webhook URL (which may itself hold a token)
 * @param took       how long the attempt took
 * @param retryAfter how long the receiver asked us to wait (HTTP Retry-After, already capped); {@code null} when
 *                   it did not ask. Only on RETRYABLE results; the caller waits at least this long and at least
 *                   what its {@link RetrySchedule} says
 */
public record DeliveryResult(Outcome outcome, Integer httpStatus, String detail, Duration took, Duration retryAfter) {

    /** The three ways an attempt can end. */
    public enum Outcome {
        /** The receiver accepted the notice. */
        DELIVERED,
        /** The attempt failed for a reason that may pass (server down, timeout, overload): try again later. */
        RETRYABLE,
        /** Trying again cannot help until someone changes the channel (bad address, URL gone, refused). */
        PERMANENT_FAILURE
    }

    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(took, "took");
        if (retryAfter != null && (outcome != Outcome.RETRYABLE || retryAfter.isNegative())) {
            throw new IllegalArgumentException("retryAfter must be a positive wait on a RETRYABLE result");
        }
    }

    static DeliveryResult delivered(Integer httpStatus, String detail, Duration took) {
        return new DeliveryResult(Outcome.DELIVERED, httpStatus, detail, took, null);
    }

    static DeliveryResult retryable(Integer httpStatus, String detail, Duration took, Duration retryAfter) {
        return new DeliveryResult(Outcome.RETRYABLE, httpStatus, detail, took, retryAfter);
    }

    static DeliveryResult permanent(Integer httpStatus, String detail, Duration took) {
        return new DeliveryResult(Outcome.PERMANENT_FAILURE, httpStatus, detail, took, null);
    }

    /** Whether the receiver has the notice. */
    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }
}
