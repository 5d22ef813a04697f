package io.vantage.connector.api;

import java.util.Objects;

/**
 * Why a request to an agent got no answer. The message is a sentence for an operator; {@link #reason()} is for the
 * caller to decide what to tell whom.
 */
public class AgentRequestException extends Exception {

    /** What kept the answer away. */
    public enum Reason {
        /** The agent has no connection to this server (it may be connected to another instance). */
        NOT_CONNECTED,
        /** The agent is connected but speaks a protocol version without requests: it must be upgraded. */
        PROTOCOL_TOO_OLD,
        /** The agent's connection already carries as many requests as it may. */
        BUSY,
        /** The agent did not answer in time. */
        TIMED_OUT,
        /** The connection closed before the agent answered. */
        CONNECTION_LOST,
        /** The agent does not know the request, or cannot do it on its system. */
        UNSUPPORTED,
        /** The agent tried and failed, or answered something that is not an answer. */
        FAILED,
        /** The connector is not running (starting, stopping, or the call came through a factory not bound to it). */
        UNAVAILABLE
    }

    private final Reason reason;

    public AgentRequestException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
