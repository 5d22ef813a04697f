package io.vantage;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A node's agent could not answer a live request (a process list): none is connected, it is too old to be asked, it
 * did not answer in time, or it failed. The message says which, naming the node, for the person who asked; the API
 * answers 409 for the first two, 504 for a timeout, 503 when busy, 502 for a failure.
 */
@ApplicationException(rollback = true)
public class AgentUnavailableException extends RuntimeException {

    /** Why there is no answer. */
    public enum Reason {
        /** No agent of the node is connected (to any server instance that could be asked). */
        NOT_CONNECTED,
        /** The node's agent speaks a protocol version without requests: it must be upgraded. */
        OUTDATED,
        /** The agent did not answer in time. */
        TIMED_OUT,
        /** The agent's connection already carries as many requests as it may; try again shortly. */
        BUSY,
        /** The agent cannot do this on its system, or failed, or its connection broke meanwhile. */
        FAILED
    }

    private final Reason reason;

    public AgentUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
