package io.vantage.connector;

import java.util.concurrent.RejectedExecutionException;

/**
 * No message endpoint could take a call: none is active, the container would not hand one out, or it could not
 * complete the delivery. Unchecked because it crosses the {@link io.vantage.connector.api.AgentListener} contract,
 * where the listener turns it into "try again later". A kind of {@link RejectedExecutionException}, the JDK's "cannot
 * take this work now", so the servers, which know nothing of JCA, treat it like a full work pool: retry shortly.
 */
final class EndpointUnavailableException extends RejectedExecutionException {

    EndpointUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
