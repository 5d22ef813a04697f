package io.vantage.connector;

/**
 * No message endpoint could take a call: none is active, the container would not hand one out, or it could not
 * complete the delivery. Unchecked because it crosses the {@link io.vantage.connector.api.AgentListener} contract,
 * where the listener turns it into "try again later".
 */
final class EndpointUnavailableException extends RuntimeException {

    EndpointUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
