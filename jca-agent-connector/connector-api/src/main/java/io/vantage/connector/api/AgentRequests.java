package io.vantage.connector.api;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The agent connector's outbound side: asks an agent connected to this server for something over its own
 * connection (protocol version 2). Looked up in JNDI as {@code java:/vantage/AgentRequests}, a connection factory of
 * the agent connector.
 *
 * <p>Every call returns at once; the answer comes later, and always comes: the stage completes with the agent's
 * answer or fails with an {@link AgentRequestException} saying why, at the latest when the timeout has passed. It
 * may complete on the connector's network thread, so what the caller chains to it must be quick (or async).
 */
public interface AgentRequests {

    /**
     * The busiest processes of an agent's machine, top-like.
     *
     * @param agentId the agent, as it says in its hello
     * @param query   how many processes and in which order; the connector lowers the count to what one frame holds
     * @param timeout how long to wait for the agent: positive, at most five minutes (longer is cut to five)
     * @throws IllegalArgumentException when the timeout is not positive
     */
    CompletionStage<ProcessList> processes(String agentId, ProcessQuery query, Duration timeout);
}
